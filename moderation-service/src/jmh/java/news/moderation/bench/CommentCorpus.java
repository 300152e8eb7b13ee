package news.moderation.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic reader comments of about 300 characters, generated deterministically from a seed and word
 * lists written for this benchmark (no real comments): mostly clean English news-comment prose, some
 * Russian and Ukrainian, about one in ten with abuse, usually disguised (dotted letters, leetspeak,
 * Cyrillic look-alikes, stretched letters, spaced letters), plus punctuation, numbers, emoji and now and
 * then a URL.
 */
public final class CommentCorpus {

    /** Share of comments that carry abuse. */
    static final double ABUSIVE = 0.10;
    static final double RUSSIAN = 0.08;
    static final double UKRAINIAN = 0.05;
    static final double URL = 0.05;
    static final double EMOJI = 0.15;

    // ---------------------------------------------------------------- English

    private static final String[] EN_OPENERS = {
        "Honestly,", "To be fair,", "As far as I can tell,", "Frankly,", "In my view,", "Let's be clear:",
        "Interesting piece.", "Good article.", "I doubt it.", "Not surprised.", "Well,", "Sadly,", "Meanwhile,",
        "On the other hand,", "For what it's worth,", "Again,", "So", "Remember that", "Keep in mind that",
        "The point is that", "Nobody mentions that", "It seems that", "I suspect", "Clearly,",
    };
    private static final String[] EN_SUBJECTS = {
        "the government", "the ministry", "the prime minister", "the opposition", "the central bank", "parliament",
        "the council", "the committee", "the mayor", "local residents", "most voters", "the author", "the editors",
        "the negotiators", "the delegation", "our neighbours", "the European Union", "the regulators",
        "the energy companies", "the farmers", "the unions", "the court", "the new coalition", "the foreign office",
        "the health service", "the army", "the police", "the commission", "the investors", "small businesses",
        "the teachers", "the city council", "the press office", "the finance minister", "the analysts",
    };
    private static final String[] EN_VERBS = {
        "has ignored", "keeps promising", "will never accept", "should reconsider", "quietly approved",
        "failed to explain", "is trying to delay", "has underestimated", "cannot afford", "openly supports",
        "voted against", "refused to discuss", "wants to extend", "has cut funding for", "is still debating",
        "misread", "finally published", "announced", "postponed", "is responsible for", "doubled", "reduced",
        "keeps talking about", "never mentioned", "clearly benefits from", "plans to review",
    };
    private static final String[] EN_OBJECTS = {
        "the budget", "the sanctions", "the gas prices", "the pension reform", "the peace talks",
        "the housing crisis", "the new tax", "the grain deal", "the trade agreement", "the border checks",
        "the election results", "the inflation figures", "the energy subsidies", "the refugee quota",
        "the defence spending", "the report", "the investigation", "the ceasefire", "the fuel tax",
        "the school reform", "the bridge project", "the railway line", "the water supply", "the heating bills",
        "the climate targets", "the interest rates", "the court ruling", "the new law", "the transport strike",
        "the hospital waiting lists", "the export ban", "the aid package",
    };
    private static final String[] EN_TAILS = {
        "and nobody seems to care", "for the third year in a row", "despite everything we were told",
        "while prices keep rising", "just before the election", "without any real debate",
        "as the article points out", "which is hardly a surprise", "and the numbers speak for themselves",
        "according to the latest figures", "even though the experts warned them", "at the worst possible moment",
        "and then blamed everyone else", "behind closed doors", "in a hurry", "with no plan B",
        "while the rest of us pay for it", "and that should worry everyone", "again and again",
        "as if nothing had happened", "after months of talks", "before the winter",
    };
    private static final String[] EN_ASIDES = {
        "Does anyone remember the last time?", "Where is the money going?", "Read the whole report, not just the headline.",
        "Time will tell.", "We have seen this before.", "I hope I'm wrong.", "That is the real story here.",
        "Thanks for the balanced coverage.", "The comments here are better than the article.", "Just my two cents.",
        "Who exactly is going to pay for this?", "Follow the money.", "Nothing will change.", "Vote them out.",
        "My parents lived through this once already.", "Good luck explaining that to pensioners.",
        "The timing is not a coincidence.", "Show me the data.", "This needs a proper inquiry.",
    };
    private static final String[] EN_NUMBERS = {
        "in 2014", "since 2022", "by 3.5%", "about 40%", "over $2 billion", "nearly 1,200 km", "at 9:30",
        "by 2030", "for 18 months", "with 12 votes", "in 3 weeks", "up 0.7 points", "around 250,000 people",
        "twice in 10 years", "at -15 degrees", "at 4.2% a year",
    };

    // ---------------------------------------------------------------- Russian

    private static final String[] RU_SUBJECTS = {
        "правительство", "министерство финансов", "мэрия", "оппозиция", "центральный банк", "депутаты",
        "местные жители", "эксперты", "автор статьи", "переговорщики", "Евросоюз", "энергетические компании",
        "фермеры", "профсоюзы", "суд", "новая коалиция", "пресс-служба", "аналитики", "учителя", "врачи",
    };
    private static final String[] RU_VERBS = {
        "снова отложили", "так и не объяснили", "пытаются затянуть", "недооценили", "открыто поддерживают",
        "проголосовали против", "отказались обсуждать", "хотят продлить", "урезали финансирование на",
        "до сих пор обсуждают", "наконец опубликовали", "объявили", "удвоили", "сократили", "обещают пересмотреть",
    };
    private static final String[] RU_OBJECTS = {
        "бюджет", "санкции", "цены на газ", "пенсионную реформу", "мирные переговоры", "новый налог",
        "зерновую сделку", "торговое соглашение", "результаты выборов", "данные по инфляции", "субсидии",
        "оборонные расходы", "доклад", "расследование", "перемирие", "школьную реформу", "строительство моста",
        "тарифы на отопление", "процентные ставки", "решение суда", "новый закон",
    };
    private static final String[] RU_TAILS = {
        "и никого это не волнует", "уже третий год подряд", "несмотря на все обещания", "пока цены растут",
        "прямо перед выборами", "без всякого обсуждения", "как и говорится в статье", "что совсем не удивительно",
        "по последним данным", "хотя эксперты предупреждали", "за закрытыми дверями", "в спешке",
        "а платить будем мы", "после долгих переговоров", "перед зимой",
    };
    private static final String[] RU_ASIDES = {
        "Кто-нибудь помнит, чем это кончилось в прошлый раз?", "Куда уходят деньги?", "Время покажет.",
        "Мы это уже видели.", "Надеюсь, я ошибаюсь.", "Спасибо за взвешенный материал.", "Ничего не изменится.",
        "Читайте доклад целиком, а не только заголовок.", "Покажите цифры.", "Нужно независимое расследование.",
    };

    // ---------------------------------------------------------------- Ukrainian

    private static final String[] UK_SUBJECTS = {
        "уряд", "міністерство фінансів", "мерія", "опозиція", "Національний банк", "депутати", "місцеві мешканці",
        "експерти", "автор статті", "переговорники", "Євросоюз", "енергетичні компанії", "фермери", "профспілки",
        "суд", "нова коаліція", "аналітики", "вчителі", "лікарі",
    };
    private static final String[] UK_VERBS = {
        "знову відклали", "так і не пояснили", "намагаються затягнути", "недооцінили", "відкрито підтримують",
        "проголосували проти", "відмовилися обговорювати", "хочуть продовжити", "скоротили фінансування на",
        "досі обговорюють", "нарешті оприлюднили", "оголосили", "подвоїли", "обіцяють переглянути",
    };
    private static final String[] UK_OBJECTS = {
        "бюджет", "санкції", "ціни на газ", "пенсійну реформу", "мирні переговори", "новий податок",
        "зернову угоду", "торговельну угоду", "результати виборів", "дані щодо інфляції", "субсидії",
        "оборонні витрати", "доповідь", "розслідування", "перемир'я", "шкільну реформу", "будівництво мосту",
        "тарифи на опалення", "відсоткові ставки", "рішення суду", "новий закон",
    };
    private static final String[] UK_TAILS = {
        "і нікого це не хвилює", "вже третій рік поспіль", "попри всі обіцянки", "поки ціни ростуть",
        "якраз перед виборами", "без жодного обговорення", "як і сказано в статті", "що зовсім не дивно",
        "за останніми даними", "хоча експерти попереджали", "за зачиненими дверима", "поспіхом",
        "а платити будемо ми", "після довгих переговорів", "перед зимою",
    };
    private static final String[] UK_ASIDES = {
        "Хтось пам'ятає, чим це скінчилося минулого разу?", "Куди йдуть гроші?", "Час покаже.", "Ми це вже бачили.",
        "Сподіваюся, я помиляюся.", "Дякую за виважений матеріал.", "Нічого не зміниться.", "Покажіть цифри.",
    };

    // ---------------------------------------------------------------- abuse (inserted, often disguised)

    /** English abusive fragments; the word in {braces} is the one evasions are applied to. */
    private static final String[] EN_ABUSE = {
        "the {dwarf} will never stop", "this little {dwarf} again", "{putler} and his cronies", "you are an {idiot}",
        "what a {moron}", "such a {pathetic} liar", "{shut} up already", "total {shit}", "this is {bullshit}",
        "you {clowns} are all the same", "{ruzzia} must pay", "typical {vatnik} talking points",
        "go to {hell} troll", "what a {fucking} disgrace", "you {dumbass}", "{scumbag} politicians",
        "they should all {be} shot", "{stfu} bot", "{retard} logic", "absolute {idiots}",
    };
    private static final String[] RU_ABUSE = {
        "этот {карлик} опять", "{путлер} и его дружки", "ты {дебил}", "одни {ватники} тут", "{сука} опять",
        "{идиоты} в правительстве", "{заткнись} уже", "{рашисты} не изменятся", "какое {быдло}", "{мрази} продажные",
    };
    private static final String[] UK_ABUSE = {
        "{москалі} знову", "ти {ідіот}", "{рашисти} не зміняться", "яке {бидло}", "{покидьки} продажні",
        "{пуйло} і його посіпаки",
    };

    private static final String[] EMOJI_LIST = {
        "👍", "😂", "🙄", "🤔", "😡", "👏", "🇺🇦", "🇪🇺", "❤️", "🔥", "😢", "💸", "🤷‍♂️", "🙈",
    };
    private static final String[] URLS = {
        "https://www.example.org/world/2026/03/ceasefire-talks-resume", "https://example.com/report.pdf",
        "http://news.example.net/economy/gas-prices?ref=comments", "www.example.org/budget-2026",
        "https://data.example.eu/inflation/latest#table-2",
    };

    private static final char[][] LATIN_TO_CYRILLIC = {
        {'a', 'а'}, {'e', 'е'}, {'o', 'о'}, {'p', 'р'}, {'c', 'с'}, {'x', 'х'}, {'y', 'у'}, {'i', 'і'},
    };
    private static final char[][] CYRILLIC_TO_LATIN = {
        {'а', 'a'}, {'е', 'e'}, {'о', 'o'}, {'р', 'p'}, {'с', 'c'}, {'х', 'x'}, {'у', 'y'}, {'і', 'i'},
    };
    private static final char[][] LEET = {
        {'a', '@'}, {'a', '4'}, {'e', '3'}, {'i', '1'}, {'i', '!'}, {'o', '0'}, {'s', '$'}, {'s', '5'}, {'t', '7'},
    };

    private final Random random;

    private CommentCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} comments, the same for the same seed. */
    public static List<String> generate(int count, long seed) {
        var corpus = new CommentCorpus(seed);
        var comments = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            comments.add(corpus.comment());
        }
        return comments;
    }

    private String comment() {
        double language = random.nextDouble();
        Lang lang = language < RUSSIAN ? Lang.RU : language < RUSSIAN + UKRAINIAN ? Lang.UK : Lang.EN;
        // lengths spread 220..380, mean about 300
        int target = 220 + random.nextInt(161);
        var sb = new StringBuilder(target + 80);
        while (sb.length() < target - 40) {
            if (sb.length() > 0) {
                sb.append(random.nextInt(12) == 0 ? "\n\n" : " ");
            }
            sb.append(sentence(lang));
        }
        if (random.nextDouble() < ABUSIVE) {
            insertAbuse(sb, lang);
        }
        if (random.nextDouble() < URL) {
            sb.append(' ').append(pick(URLS));
        }
        if (random.nextDouble() < EMOJI) {
            sb.append(' ').append(pick(EMOJI_LIST));
            if (random.nextBoolean()) {
                sb.append(pick(EMOJI_LIST));
            }
        }
        return sb.toString();
    }

    private enum Lang { EN, RU, UK }

    private String sentence(Lang lang) {
        int shape = random.nextInt(10);
        return switch (lang) {
            case EN -> {
                if (shape == 0) {
                    yield pick(EN_ASIDES);
                }
                var s = new StringBuilder();
                if (shape < 4) {
                    var opener = pick(EN_OPENERS);
                    var subject = pick(EN_SUBJECTS);
                    s.append(opener).append(' ').append(opener.endsWith(".") ? capitalize(subject) : subject);
                } else {
                    s.append(capitalize(pick(EN_SUBJECTS)));
                }
                s.append(' ').append(pick(EN_VERBS)).append(' ').append(pick(EN_OBJECTS));
                if (shape % 3 == 0) {
                    s.append(' ').append(pick(EN_NUMBERS));
                }
                if (shape >= 5) {
                    s.append(shape == 9 ? ", " : " ").append(pick(EN_TAILS));
                }
                yield s.append(punctuation()).toString();
            }
            case RU -> shape == 0 ? pick(RU_ASIDES)
                    : capitalize(pick(RU_SUBJECTS)) + " " + pick(RU_VERBS) + " " + pick(RU_OBJECTS)
                    + (shape >= 4 ? (shape % 2 == 0 ? ", " : " ") + pick(RU_TAILS) : "") + punctuation();
            case UK -> shape == 0 ? pick(UK_ASIDES)
                    : capitalize(pick(UK_SUBJECTS)) + " " + pick(UK_VERBS) + " " + pick(UK_OBJECTS)
                    + (shape >= 4 ? (shape % 2 == 0 ? ", " : " ") + pick(UK_TAILS) : "") + punctuation();
        };
    }

    private String punctuation() {
        int p = random.nextInt(20);
        return p < 14 ? "." : p < 16 ? "!" : p < 18 ? "?" : p == 18 ? "..." : "?!";
    }

    private void insertAbuse(StringBuilder sb, Lang lang) {
        // mostly in the comment's own language; now and then English abuse in a Russian/Ukrainian comment
        String[] fragments = switch (lang) {
            case EN -> EN_ABUSE;
            case RU -> random.nextInt(4) == 0 ? EN_ABUSE : RU_ABUSE;
            case UK -> random.nextInt(4) == 0 ? EN_ABUSE : UK_ABUSE;
        };
        var fragment = pick(fragments);
        int open = fragment.indexOf('{');
        int close = fragment.indexOf('}');
        var word = fragment.substring(open + 1, close);
        var disguised = disguise(word);
        var text = fragment.substring(0, open) + disguised + fragment.substring(close + 1);
        text = capitalize(text) + (random.nextBoolean() ? "!" : ".");
        // at a sentence boundary
        int at = random.nextBoolean() ? sb.length() : boundary(sb);
        if (at >= sb.length()) {
            sb.append(' ').append(text);
        } else {
            sb.insert(at, text + " ");
        }
    }

    private int boundary(StringBuilder sb) {
        int from = random.nextInt(Math.max(1, sb.length()));
        for (int i = from; i + 1 < sb.length(); i++) {
            char c = sb.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && sb.charAt(i + 1) == ' ') {
                return i + 2;
            }
        }
        return 0;
    }

    /** About a third plain, the rest disguised one way or another. */
    private String disguise(String word) {
        boolean cyrillic = word.chars().anyMatch(c -> c >= 0x0400 && c <= 0x04FF);
        return switch (random.nextInt(9)) {
            case 0, 1, 2 -> word;
            case 3 -> String.join(random.nextBoolean() ? "." : " ", word.split("")); // d.w.a.r.f / f u c k
            case 4 -> cyrillic ? lookalikes(word, CYRILLIC_TO_LATIN) : leet(word); // dw@rf, sh1t
            case 5 -> lookalikes(word, cyrillic ? CYRILLIC_TO_LATIN : LATIN_TO_CYRILLIC); // dwаrf with Cyrillic а
            case 6 -> stretch(word); // idiooooot
            case 7 -> word.toUpperCase(java.util.Locale.ROOT);
            default -> cyrillic ? word : leet(word);
        };
    }

    private String leet(String word) {
        var chars = word.toCharArray();
        boolean changed = false;
        for (int i = 0; i < chars.length; i++) {
            for (var pair : LEET) {
                if (chars[i] == pair[0] && (random.nextBoolean() || !changed)) {
                    chars[i] = pair[1];
                    changed = true;
                    break;
                }
            }
        }
        return new String(chars);
    }

    /** One or two letters swapped for their look-alikes in the other script, as evaders do. */
    private String lookalikes(String word, char[][] table) {
        var chars = word.toCharArray();
        int swaps = 1 + random.nextInt(2);
        int start = random.nextInt(chars.length);
        for (int n = 0; n < chars.length && swaps > 0; n++) {
            int i = (start + n) % chars.length;
            for (var pair : table) {
                if (chars[i] == pair[0]) {
                    chars[i] = pair[1];
                    swaps--;
                    break;
                }
            }
        }
        return new String(chars);
    }

    private String stretch(String word) {
        int at = random.nextInt(word.length());
        char c = word.charAt(at);
        return word.substring(0, at + 1) + String.valueOf(c).repeat(3 + random.nextInt(4)) + word.substring(at + 1);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    static long utf8Bytes(List<String> comments) {
        long bytes = 0;
        for (var c : comments) {
            bytes += c.getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    static long chars(List<String> comments) {
        long chars = 0;
        for (var c : comments) {
            chars += c.length();
        }
        return chars;
    }
}
