package news.moderation.service.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "The Dwarf                 | the dwarf",
            "d.w.a.r.f                 | dwarf",
            "d w a r f and more        | dwarf and more",
            "the analysis              | the analysis",
            "dw@rf                     | dwarf",
            "dwаrf                     | dwarf",          // Cyrillic а in a Latin word
            "плeшивый                  | плешивый",       // Latin e in a Cyrillic word
            "dwaaaarf                  | dwarf",
            "sh1t, $hit and sh!t       | shit shit and shit",
            "idiot!!                   | idiot",
            "in 2016 we met            | in 2016 we met",
            "d\u200bwarf               | dwarf",
            "d&#97;rf &amp; co         | darf co",
            "ｆｕｌｌ                  | ful",
            "café crème                | cafe creme",
            "йод, їжак, є, ёж          | йод їжак є ёж",
            "и\u0306од                 | йод",
            "Straße                    | strase",
            "z̷̛a̴l̸g̵o̶                     | zalgo",
            "don’t                     | don t",
    })
    void foldsTextTheWayReadersEvadeFilters(String text, String expected) {
        assertThat(TextNormalizer.normalize(text).text().strip()).isEqualTo(expected);
    }
}
