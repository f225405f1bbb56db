package dev.trajectory.redact;

/** A kind of personal or secret data the redactor finds; each is replaced with {@code [NAME]}. */
public enum PiiRule {

    /** API keys and tokens of well-known shapes (OpenAI, Anthropic, LangSmith, GitHub, AWS, Slack, Google, JWTs). */
    SECRET_KEY,

    /** {@code Bearer <token>} as written in Authorization headers. */
    BEARER_TOKEN,

    /** E-mail addresses. */
    EMAIL,

    /** IPv6 addresses, full or compressed. */
    IPV6_ADDRESS,

    /** Dotted-quad IPv4 addresses (not version numbers with fewer parts, nor parts above 255). */
    IPV4_ADDRESS,

    /** Card numbers of 13 to 19 digits, spaced or dashed, that pass the Luhn check. */
    CREDIT_CARD,

    /** Phone numbers in international ({@code +} and 7 to 15 digits) or North American form. */
    PHONE;

    /** The text that replaces a match. */
    public String placeholder() {
        return "[" + name() + "]";
    }
}
