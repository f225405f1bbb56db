package dev.trajectory.langsmith;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;

/** Counts the conversations of an import, tells the caller after each one, and logs every tenth of the way. */
final class ProgressCounter {

    private final int total;

    private final int logEvery;

    private final ImportProgress progress;

    private final Logger logger;

    private final String what;

    private final AtomicInteger done = new AtomicInteger();

    ProgressCounter(int total, ImportProgress progress, Logger logger, String what) {
        this.total = total;
        this.logEvery = Math.max(1, total / 10);
        this.progress = progress;
        this.logger = logger;
        this.what = what;
    }

    void conversationDone() {
        int count = done.incrementAndGet();
        progress.onProgress(count, total);
        if (count % logEvery == 0 || count == total) {
            logger.info("Imported {} of {} {}", count, total, what);
        }
    }
}
