package dev.trajectory.redact;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiRedactorTests {

    private final PiiRedactor redactor = new PiiRedactor();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "mail me at jane.doe+test@example.co.uk today | mail me at [EMAIL] today",
            "call +44 20 7946 0958 now | call [PHONE] now",
            "call (415) 555-0132 now | call [PHONE] now",
            "call 415-555-0132 now | call [PHONE] now",
            "card 4111 1111 1111 1111 ok | card [CREDIT_CARD] ok",
            "card 5500-0000-0000-0004 ok | card [CREDIT_CARD] ok",
            "card 4012888888881881 ok | card [CREDIT_CARD] ok",
            "from 192.168.10.254. | from [IPV4_ADDRESS].",
            "host 2001:db8:85a3::8a2e:370:7334 up | host [IPV6_ADDRESS] up",
            "host fe80:0:0:0:202:b3ff:fe1e:8329 up | host [IPV6_ADDRESS] up",
            "Authorization: Bearer abc.DEF-123_ghi~jkl | Authorization: [BEARER_TOKEN]",
            "key sk-proj-AbCdEfGhIjKlMnOpQrStUvWx123 | key [SECRET_KEY]",
            "key sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWx | key [SECRET_KEY]",
            "key lsv2_pt_0123456789abcdef0123456789abcdef_12 | key [SECRET_KEY]",
            "key ghp_0123456789abcdefghijABCDEFGHIJ012345 | key [SECRET_KEY]",
            "key AKIAIOSFODNN7EXAMPLE | key [SECRET_KEY]",
            "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U | jwt [SECRET_KEY]"})
    void redactsPii(String text, String expected) {
        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upgraded to v2.3.1 and 1.4.0-rc.2", "Java 17.0.15 on Debian 12.4", "Released 2025-03-01",
            "at 2025-03-01T10:05:00Z, 10:30", "order A-1001 and ORD-2024-000123", "order 1234567890123 shipped",
            "tracking 4111 1111 1111 1112", "build 3.2.1.0.9", "std::vector<int> and Foo::bar", "ratio 3:2",
            "score 0.75 of 1.0", "version 1.2.3"})
    void leavesLookAlikesAlone(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void countsMatchesPerRule() {
        Map<PiiRule, Integer> counts = new EnumMap<>(PiiRule.class);

        redactor.redact("a@example.com, b@example.org, 10.0.0.1", counts);

        assertThat(counts).containsExactly(Map.entry(PiiRule.EMAIL, 2), Map.entry(PiiRule.IPV4_ADDRESS, 1));
    }

    @Test
    void onlyTheChosenRulesApply() {
        PiiRedactor emailsOnly = new PiiRedactor(EnumSet.of(PiiRule.EMAIL));

        assertThat(emailsOnly.redact("a@example.com from 10.0.0.1")).isEqualTo("[EMAIL] from 10.0.0.1");
    }
}
