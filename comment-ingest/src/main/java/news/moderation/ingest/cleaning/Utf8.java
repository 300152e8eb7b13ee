package news.moderation.ingest.cleaning;

/**
 * Strict UTF-8 validation of raw bytes, before any parser sees them: Java decoders and JSON parsers
 * differ on what they replace or accept, so the bytes are judged once, here, by RFC 3629.
 *
 * <pre>{@code
 * int bad = Utf8.firstInvalidByte(body, 0, body.length);
 * if (bad >= 0) reject("is not valid UTF-8 at byte " + bad);
 * }</pre>
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
     * encoded surrogates and code points above U+10FFFF included), or -1 when all of {@code [from, to)} is valid.
     */
    public static int firstInvalidByte(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min2;
            int max2 = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min2 = 0x80;
            } else if (b == 0xE0) {
                length = 3;
                min2 = 0xA0; // below is overlong
            } else if (b == 0xED) {
                length = 3;
                min2 = 0x80;
                max2 = 0x9F; // above are UTF-16 surrogates
            } else if (b >= 0xE1 && b <= 0xEF) {
                length = 3;
                min2 = 0x80;
            } else if (b == 0xF0) {
                length = 4;
                min2 = 0x90; // below is overlong
            } else if (b >= 0xF1 && b <= 0xF3) {
                length = 4;
                min2 = 0x80;
            } else if (b == 0xF4) {
                length = 4;
                min2 = 0x80;
                max2 = 0x8F; // above is past U+10FFFF
            } else {
                return i;
            }
            if (i + length > to) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    /** Whole-array form of {@link #firstInvalidByte(byte[], int, int)}. */
    public static int firstInvalidByte(byte[] bytes) {
        return firstInvalidByte(bytes, 0, bytes.length);
    }
}
