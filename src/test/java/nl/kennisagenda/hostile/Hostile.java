package nl.kennisagenda.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The hostile values, as jqwik arbitraries drawn with the harness's own seeded {@link Random}. The harness runs
 * inside a {@code @QuarkusTest}, not a jqwik {@code @Property}, so it draws inside a {@code JqwikSession}.
 * Every markup value carries {@link #PROBE}: an HTML answer that contains the tag unescaped has let a visitor's
 * markup through.
 */
final class Hostile {

    /** The tag every markup payload carries; it must never come back unescaped in an HTML answer. */
    static final String PROBE = "hx-probe";
    /** The header every injection payload tries to add to a mail. */
    static final String INJECTED_HEADER = "X-Hx-Injected";

    static final List<String> MARKUP = List.of(
            "<" + PROBE + ">x</" + PROBE + ">",
            "<script>alert('" + PROBE + "')</script><" + PROBE + ">",
            "\"><" + PROBE + " onmouseover=alert(1)>",
            "'><" + PROBE + "/onload=alert(1)>",
            "</textarea><" + PROBE + ">",
            "</title><" + PROBE + ">",
            "javascript:alert(1)//<" + PROBE + ">",
            "<img src=x onerror=alert(1)><" + PROBE + ">",
            "[klik](javascript:alert(1)) <" + PROBE + ">",
            "<a href=\"javascript:alert(1)\"><" + PROBE + ">a</a>");

    static final List<String> SQL = List.of("' OR '1'='1", "1; DROP TABLE event;--", "\" OR \"\"=\"",
            "1' UNION SELECT password_hash FROM account--", "%' AND 1=1 --", "'); DELETE FROM registration;--",
            "1 OR 1=1", "\\'; SELECT pg_sleep(0);--");

    static final List<String> TEMPLATE = List.of("{event.title}", "{#include main.html /}", "{msg:site_name}",
            "{#for x in 1..9}{x}{/for}", "${7*7}", "{{7*7}}", "#{7*7}", "<%= 7*7 %>", "{inject:csrf.token()}",
            "{#insert title /}", "{", "}", "{/if}", "{!", "%{x}");

    static final List<String> HEADER_INJECTION = List.of(
            "hostile@example.org\r\nBcc: victim@example.org\r\n" + INJECTED_HEADER + ": 1",
            "Onderwerp\r\n" + INJECTED_HEADER + ": 1",
            "Naam\n" + INJECTED_HEADER + ": 1\n\nbody",
            "a@example.org%0d%0a" + INJECTED_HEADER + ":%201",
            "\"Evil\r\n" + INJECTED_HEADER + ": 1\" <evil@example.org>",
            "x@example.org,\r\n bcc@example.org",
            "Titel\u2028" + INJECTED_HEADER + ": 1",
            "=?UTF-8?Q?a=0D=0A" + INJECTED_HEADER + "=3A_1?=");

    static final List<String> ODD_SCALARS = List.of("", " ", "-1", "0", "99999999999999999999", "1e999", "NaN",
            "null", "true", "[]", "{}", "2026-13-45", "0000-00-00", "2026-02-30T25:61", "25:99", "+31 (0)6-",
            "\u0000", "\t\r\n", "\ufeff", "\ud800", "\u202eevil", "ⅷ", "١٢٣", "𝟙𝟚", "∞", "-0", "0x1F", "1_000",
            "%", "%%", "%zz", "&", "=", "+", "../../etc/passwd", "..%2f..%2f", "CON", "a".repeat(300));

    private static final Arbitrary<String> UNICODE = Arbitraries.strings().all().ofMaxLength(60);
    private static final Arbitrary<String> PRINTABLE = Arbitraries.strings().ascii().ofMaxLength(80);
    private static final Arbitrary<String> VALUE = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.of(MARKUP)),
            net.jqwik.api.Tuple.of(2, Arbitraries.of(SQL)),
            net.jqwik.api.Tuple.of(2, Arbitraries.of(TEMPLATE)),
            net.jqwik.api.Tuple.of(3, Arbitraries.of(HEADER_INJECTION)),
            net.jqwik.api.Tuple.of(3, Arbitraries.of(ODD_SCALARS)),
            net.jqwik.api.Tuple.of(2, UNICODE),
            net.jqwik.api.Tuple.of(2, PRINTABLE),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 70_000).map(n -> "x".repeat(n))),
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("<>\"'&{}%\\\r\n").ofMinLength(1)
                    .ofMaxLength(20)));

    private Hostile() {
    }

    /** One hostile field value (text, not yet encoded). */
    static String value(Random random) {
        return VALUE.generator(100).next(random).value();
    }

    static String unicode(Random random) {
        return UNICODE.generator(100).next(random).value();
    }

    static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** A value percent-encoded the right way (UTF-8), as a browser would send it. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Escapes and octets that no correct client sends in a URL or form body: broken percent escapes, overlong and
     * truncated UTF-8, raw high octets and control characters (as one char per octet).
     */
    static final List<String> BROKEN_ENCODINGS = List.of("%", "%z", "%zz", "%E", "%E9", "%C3%28", "%C0%AF",
            "%ED%A0%80", "%F8%88%80%80%80", "%FF%FE", "%00", "%0D%0A", "%u003c", "%%32%35", "\u00e9", "\u00ff\u00fe",
            "\u0080", "\u00c3", "+%", "%2", "%g0", "&=&", "=&=", "=", "&&&");

    /** A segment for a path parameter: hostile ids, slugs and tokens. */
    static String segment(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> pick(random, List.of("0", "-1", "99999999999999999999", "1.5", "1e3", "0x10", " 1", "00001",
                    "9223372036854775807", "9223372036854775808"));
            case 1 -> pick(random, BROKEN_ENCODINGS).replace("&", "%26").replace("=", "%3D");
            case 2 -> encode(value(random)).replace("+", "%20");
            case 3 -> "a".repeat(1 + random.nextInt(3000));
            case 4 -> pick(random, List.of("..", "%2e%2e", "..%2f..%2f", ";x=1", "%2F", "%5C", "x%00y", "*", "~",
                    "%7B%7D", "%3Cscript%3E"));
            default -> encode(unicode(random)).replace("+", "%20");
        };
    }

    /** Header values a client should not send: unreadable dates, entity tags, languages, ranges. */
    static final List<String> CONDITIONAL_GARBAGE = List.of("garbage", "", "*", "\"", "W/", "W/\"x", "\"a\", ",
            ",,,", "Fri, 31 Feb 2026 25:61:61 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "0", "-1",
            "Sat, 01 Jan 10000 00:00:00 GMT", "99999999999999999999", "Tue, 15 Nov 1994 08:12:31 XYZ",
            "\"" + "a".repeat(5000) + "\"", "é\u00ff", "\"x\"\u0000");
}
