package dev.trajectory.langsmith;

/** Told after each conversation of an import how many are done. */
@FunctionalInterface
public interface ImportProgress {

    /**
     * @param done  conversations imported so far, including failed ones
     * @param total conversations in this import
     */
    void onProgress(int done, int total);

    /** Progress nobody listens to. */
    static ImportProgress none() {
        return (done, total) -> {
        };
    }
}
