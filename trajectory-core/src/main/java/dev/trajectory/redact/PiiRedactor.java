package dev.trajectory.redact;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces PII in text with typed placeholders such as {@code [EMAIL]}. Rules run in a fixed order, secrets first,
 * so that a key containing digits is not half-taken for a phone number; placeholders hold no digits, so later rules
 * never match inside them.
 */
public final class PiiRedactor {

    private static final Map<PiiRule, Pattern> PATTERNS = new EnumMap<>(PiiRule.class);

    private static final Map<PiiRule, Predicate<String>> CHECKS = new EnumMap<>(PiiRule.class);

    static {
        PATTERNS.put(PiiRule.SECRET_KEY, Pattern.compile("(?<![\\w-])(?:sk-(?:proj-|ant-(?:api\\d+-)?)?[A-Za-z0-9_-]{20,}"
                + "|lsv2_(?:pt|sk)_[A-Za-z0-9_]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}"
                + "|(?:AKIA|ASIA)[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}"
                + "|(?:sk|rk)_live_[0-9A-Za-z]{20,}|eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})"));
        PATTERNS.put(PiiRule.BEARER_TOKEN, Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]{8,}=*"));
        PATTERNS.put(PiiRule.EMAIL, Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"));
        PATTERNS.put(PiiRule.IPV6_ADDRESS, Pattern.compile("(?<![\\w:.])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
                + "|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?)"
                + "(?![\\w:])"));
        CHECKS.put(PiiRule.IPV6_ADDRESS, PiiRedactor::isIpv6);
        PATTERNS.put(PiiRule.IPV4_ADDRESS, Pattern.compile("(?<![\\w.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
                + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?!\\.\\d)(?!\\w)"));
        PATTERNS.put(PiiRule.CREDIT_CARD, Pattern.compile("(?<![\\w-])\\d(?:[ -]?\\d){12,18}(?![\\w-])"));
        CHECKS.put(PiiRule.CREDIT_CARD, PiiRedactor::passesLuhn);
        PATTERNS.put(PiiRule.PHONE, Pattern.compile("(?<![\\w+])(?:\\+\\d{1,3}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,4}"
                + "(?:[ .-]?\\d{2,4}){1,4}|\\(\\d{3}\\)[ .-]?\\d{3}[ .-]\\d{4}|\\d{3}[.-]\\d{3}[.-]\\d{4})(?![\\w-])"));
        CHECKS.put(PiiRule.PHONE, PiiRedactor::hasPhoneDigits);
    }

    private final Set<PiiRule> rules;

    /** A redactor applying every rule. */
    public PiiRedactor() {
        this(EnumSet.allOf(PiiRule.class));
    }

    public PiiRedactor(Set<PiiRule> rules) {
        this.rules = rules.isEmpty() ? EnumSet.noneOf(PiiRule.class) : EnumSet.copyOf(rules);
    }

    /** The text with every match replaced; {@code counts} is increased by the matches per rule. */
    public String redact(String text, Map<PiiRule, Integer> counts) {
        String result = text;
        for (PiiRule rule : PiiRule.values()) {
            if (rules.contains(rule)) {
                result = replace(rule, result, counts);
            }
        }
        return result;
    }

    /** The text with every match replaced. */
    public String redact(String text) {
        return redact(text, new EnumMap<>(PiiRule.class));
    }

    private static String replace(PiiRule rule, String text, Map<PiiRule, Integer> counts) {
        Matcher matcher = PATTERNS.get(rule).matcher(text);
        Predicate<String> check = CHECKS.getOrDefault(rule, match -> true);
        StringBuilder out = null;
        int last = 0;
        while (matcher.find()) {
            if (!check.test(matcher.group())) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, matcher.start()).append(rule.placeholder());
            last = matcher.end();
            counts.merge(rule, 1, Integer::sum);
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    static boolean passesLuhn(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static boolean isIpv6(String candidate) {
        // "::" alone, or "a::b"-like words in code, are not addresses: ask for at least three groups or a loopback.
        long groups = Pattern.compile("[0-9A-Fa-f]{1,4}").matcher(candidate).results().count();
        return groups >= 3 || candidate.equals("::1");
    }

    private static boolean hasPhoneDigits(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        return digits >= 7 && digits <= 15;
    }
}
