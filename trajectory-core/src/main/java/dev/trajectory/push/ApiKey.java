package dev.trajectory.push;

/** An API key that never shows itself: {@link #toString()} prints a mask. */
public final class ApiKey {

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    public static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key must not be blank");
        }
        return new ApiKey(value.trim());
    }

    /** The secret itself, for the Authorization header only. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "******";
    }
}
