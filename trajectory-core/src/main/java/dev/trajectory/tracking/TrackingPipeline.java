package dev.trajectory.tracking;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.push.EventPushService;
import dev.trajectory.push.PushError;
import dev.trajectory.push.PushOptions;
import dev.trajectory.push.PushResult;
import dev.trajectory.spool.EventSpool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events from any thread without blocking and delivers them in the background: a bounded lock-free queue and
 * one daemon worker that pushes a batch when {@code flushAt} events are waiting, every {@code flushInterval}, on
 * {@link #flush(Duration)} and at shutdown. While the backend answers one batch the worker prepares and sends the
 * next, up to {@code maxRequestsInFlight} at once, so batches may arrive out of order (events carry their
 * timestamps). A full queue drops the new event, counts it and warns at a limited rate.
 * <p>
 * With a disk spool, events that would be dropped for a full queue, exhausted retries or the shutdown deadline are
 * kept in the spool instead; the worker writes them, never the caller (a full queue's events wait in an overflow
 * queue as large as the main one, so with a spool at most twice {@code maxQueueSize} events are held in memory).
 * In write-ahead mode every accepted event is written to the spool
 * before it is queued. Every accepted event ends up counted exactly once: sent, dropped with a reason, or spooled.
 */
public final class TrackingPipeline {

    private static final Logger logger = LoggerFactory.getLogger(TrackingPipeline.class);

    private static final Duration WARNING_INTERVAL = Duration.ofSeconds(30);

    private static final Duration SPILL_INTERVAL = Duration.ofMillis(100);

    private final EventQueue queue;

    /** Events that found the queue full, waiting for the worker to write them to the spool. */
    private final EventQueue overflow;

    private final EventPushService pushService;

    private final TrackingSettings settings;

    private final TrackingMetrics metrics;

    private final EventSpool spool;

    /** Events per push: one request's worth, so that successive requests can be in flight together. */
    private final int batchSize;

    private final ConcurrentLinkedQueue<CompletableFuture<Void>> flushRequests = new ConcurrentLinkedQueue<>();

    private final RateLimitedWarning queueFullWarning = new RateLimitedWarning(logger, WARNING_INTERVAL);

    private final String queueFullMessage;

    private final AtomicBoolean shutdownStarted = new AtomicBoolean();

    private final Thread worker;

    private @Nullable Thread shutdownHook;

    private volatile boolean accepting = true;

    private volatile boolean stopping;

    private volatile boolean abandoned;

    /** Pushes sent and not yet accounted for, oldest first; only the worker thread touches it. */
    private final ArrayDeque<InFlightPush> inFlight = new ArrayDeque<>();

    /** The same pushes' futures, for a shutdown past its deadline to cancel from another thread. */
    private final Set<CompletableFuture<PushResult>> cancellable = ConcurrentHashMap.newKeySet();

    private volatile @Nullable ShutdownReport report;

    private TrackingPipeline(EventPushService pushService, TrackingSettings settings, TrackingMetrics metrics,
            EventSpool spool) {
        this.pushService = pushService;
        this.settings = settings;
        this.metrics = metrics;
        this.spool = spool;
        this.queue = new EventQueue(settings.maxQueueSize());
        this.overflow = new EventQueue(settings.maxQueueSize());
        this.queueFullMessage = "Trajectory tracking queue is full (trajectory.tracking.max-queue-size="
                + settings.maxQueueSize() + "); dropped new events";
        this.batchSize = pushService.settings().chunkSize();
        this.worker = new Thread(this::work, "trajectory-tracking");
        this.worker.setDaemon(true);
        metrics.bindQueueSize(queue::size);
    }

    /**
     * Starts a pipeline and its worker thread.
     *
     * @param registerShutdownHook whether a JVM shutdown hook should flush it (for use without Spring, whose
     *                             context shutdown stops it instead)
     */
    public static TrackingPipeline start(EventPushService pushService, TrackingSettings settings,
            TrackingMetrics metrics, boolean registerShutdownHook) {
        return start(pushService, settings, metrics, EventSpool.none(), registerShutdownHook);
    }

    /**
     * Starts a pipeline that keeps undeliverable events in the given spool; the pipeline's shutdown closes it.
     *
     * @param registerShutdownHook whether a JVM shutdown hook should flush it
     */
    public static TrackingPipeline start(EventPushService pushService, TrackingSettings settings,
            TrackingMetrics metrics, EventSpool spool, boolean registerShutdownHook) {
        TrackingPipeline pipeline = new TrackingPipeline(pushService, settings, metrics, spool);
        pipeline.worker.start();
        if (registerShutdownHook) {
            Thread hook = new Thread(() -> pipeline.shutdown(settings.shutdownTimeout()), "trajectory-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            pipeline.shutdownHook = hook;
        }
        return pipeline;
    }

    /** Queues the event; never blocks and never throws. Returns whether it was accepted. */
    public boolean enqueue(TelemetryEvent event) {
        if (!accepting) {
            metrics.dropped(DropReason.SHUTDOWN, 1);
            return false;
        }
        spool.accepted(event);
        int size = queue.offer(event);
        if (size < 0) {
            return overflowed(event);
        }
        metrics.enqueued();
        if (size == settings.flushAt()) {
            LockSupport.unpark(worker);
        }
        return true;
    }

    /**
     * Counts one event dropped for a full queue and returns {@code true} when an event offered now would be dropped:
     * the queue is full and no spool could keep it. {@code track()} asks before it builds the event, so that under
     * overload a call whose event would be thrown away costs the caller almost nothing. Otherwise returns
     * {@code false} and counts nothing; an event that then finds the queue full is still handled by
     * {@link #enqueue(TelemetryEvent)}.
     */
    public boolean refuseWhenFull() {
        int capacity = settings.maxQueueSize();
        if (queue.size() < capacity || spool.writesAhead()
                || (spool.keepsEvents() && overflow.size() < capacity)) {
            return false;
        }
        metrics.dropped(DropReason.QUEUE_FULL, 1);
        queueFullWarning.occurred(queueFullMessage);
        return true;
    }

    /**
     * An event that found the queue full. Written ahead, it is on disk already and only marked as kept. Otherwise it
     * waits in the overflow queue for the worker to write it to the spool: the caller never waits for the disk or
     * the spool's lock. Without a spool, or with the overflow queue full too, it is dropped and counted.
     */
    private boolean overflowed(TelemetryEvent event) {
        if (spool.writesAhead()) {
            if (spool.keep(List.of(event)) == 1) {
                metrics.enqueued();
                metrics.spooled(1);
                return true;
            }
        }
        else if (spool.keepsEvents()) {
            int waiting = overflow.offer(event);
            if (waiting >= 0) {
                metrics.enqueued();
                if (waiting == 1) {
                    LockSupport.unpark(worker);
                }
                return true;
            }
        }
        metrics.dropped(DropReason.QUEUE_FULL, 1);
        queueFullWarning.occurred(queueFullMessage);
        return false;
    }

    /** Number of events waiting to be sent. */
    public int queueSize() {
        return queue.size();
    }

    public TrackingMetrics metrics() {
        return metrics;
    }

    /** A live view of the queue's figures for status and health. */
    public QueueFigures figures() {
        return new QueueFigures() {

            @Override
            public int size() {
                return queue.size();
            }

            @Override
            public int capacity() {
                return settings.maxQueueSize();
            }

            @Override
            public long dropped() {
                return metrics.droppedCount();
            }

            @Override
            public long sent() {
                return metrics.sentCount();
            }

            @Override
            public boolean credentialsRejected() {
                return metrics.isCredentialsRejected();
            }
        };
    }

    /** Where undeliverable events are kept; {@link EventSpool#none()} without a disk spool. */
    public EventSpool spool() {
        return spool;
    }

    /** Whether new events are still accepted. */
    public boolean isAccepting() {
        return accepting;
    }

    /**
     * Sends everything queued before the call and waits for it, at most {@code timeout}. Returns whether it all
     * went out (delivered or counted as dropped) in time.
     */
    public boolean flush(Duration timeout) {
        if (!worker.isAlive()) {
            return queue.isEmpty();
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        flushRequests.add(done);
        LockSupport.unpark(worker);
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        }
        catch (TimeoutException | ExecutionException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops accepting events, sends what is queued within the deadline and stops the worker. Whatever is still
     * queued or in flight at the deadline is counted as dropped ({@code shutdown}). Calling it again returns the
     * first report.
     */
    public ShutdownReport shutdown(Duration deadline) {
        if (!shutdownStarted.compareAndSet(false, true)) {
            awaitWorker(deadline);
            ShutdownReport first = report;
            return first != null ? first : currentReport();
        }
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        accepting = false;
        stopping = true;
        LockSupport.unpark(worker);
        awaitWorker(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
        if (worker.isAlive()) {
            abandoned = true;
            cancellable.forEach(push -> push.cancel(true));
            LockSupport.unpark(worker);
            awaitWorker(Duration.ofSeconds(1));
        }
        keepOrDrop(queue.drain(Integer.MAX_VALUE), DropReason.SHUTDOWN);
        keepOrDrop(overflow.drain(Integer.MAX_VALUE), DropReason.SHUTDOWN);
        completeFlushRequests();
        spool.close();
        removeShutdownHook();
        ShutdownReport done = currentReport();
        report = done;
        if (done.pending() > 0) {
            logger.warn("Trajectory shut down with {} events undelivered after the {} deadline ({} delivered)",
                    done.pending(), deadline, done.delivered());
        }
        return done;
    }

    private ShutdownReport currentReport() {
        return new ShutdownReport(metrics.sentCount(),
                metrics.droppedCount(DropReason.REJECTED) + metrics.droppedCount(DropReason.RETRIES_EXHAUSTED),
                metrics.droppedCount(DropReason.QUEUE_FULL) + metrics.droppedCount(DropReason.INVALID),
                metrics.droppedCount(DropReason.SHUTDOWN), metrics.spooledCount());
    }

    private void work() {
        long intervalNanos = settings.flushInterval().toNanos();
        long nextFlush = System.nanoTime() + intervalNanos;
        while (!abandoned) {
            long untilFlush = nextFlush - System.nanoTime();
            boolean due = stopping || !flushRequests.isEmpty() || queue.size() >= settings.flushAt() || untilFlush <= 0
                    || !overflow.isEmpty();
            if (!due) {
                LockSupport.parkNanos(this, untilFlush);
                continue;
            }
            List<CompletableFuture<Void>> waiting = takeFlushRequests();
            sendQueued(stopping || !waiting.isEmpty() || untilFlush <= 0);
            waiting.forEach(request -> request.complete(null));
            nextFlush = System.nanoTime() + intervalNanos;
            if (stopping && queue.isEmpty()) {
                break;
            }
        }
        completeFlushRequests();
    }

    /**
     * Sends what is queued, up to the configured number of requests at once, and waits for all of them: everything
     * for a flush, the interval or shutdown; otherwise only while {@code flushAt} events are waiting, so that events
     * trickling in while a request is answered do not go out in requests of a few events each.
     */
    private void sendQueued(boolean everything) {
        while (!abandoned) {
            spillOverflow();
            if (!everything && queue.size() < settings.flushAt()) {
                break;
            }
            List<TelemetryEvent> batch = queue.drain(batchSize);
            if (batch.isEmpty()) {
                break;
            }
            while (inFlight.size() >= settings.maxRequestsInFlight()) {
                awaitOldest();
            }
            startPush(batch);
        }
        while (!inFlight.isEmpty()) {
            awaitOldest();
        }
        spillOverflow();
    }

    /** Writes the events that found the queue full to the spool; what it cannot keep is dropped as queue-full. */
    private void spillOverflow() {
        if (!overflow.isEmpty()) {
            keepOrDrop(overflow.drain(Integer.MAX_VALUE), DropReason.QUEUE_FULL);
        }
    }

    /** Starts a push; validation, serialisation and compression run here, the request itself in the background. */
    private void startPush(List<TelemetryEvent> batch) {
        long started = System.nanoTime();
        CompletableFuture<PushResult> future = pushService.push(batch, PushOptions.defaults()).toFuture();
        future.thenRun(() -> metrics.pushed(Duration.ofNanos(System.nanoTime() - started)));
        inFlight.add(new InFlightPush(future, batch));
        cancellable.add(future);
        if (abandoned) {
            future.cancel(true);
        }
    }

    private void awaitOldest() {
        InFlightPush push = inFlight.remove();
        try {
            account(awaitSpilling(push.future()), push.batch());
        }
        catch (CancellationException | InterruptedException ex) {
            keepOrDrop(push.batch(), DropReason.SHUTDOWN);
        }
        catch (ExecutionException ex) {
            // The push service reports failures in its result; this is a bug, and the events are still accounted.
            logger.error("Trajectory push failed unexpectedly; {} events not delivered", push.batch().size(),
                    ex.getCause());
            keepOrDrop(push.batch(), DropReason.RETRIES_EXHAUSTED);
        }
        finally {
            cancellable.remove(push.future());
        }
    }

    /** Waits for a push, writing overflowing events to the spool meanwhile so they need not wait for the answer. */
    private PushResult awaitSpilling(CompletableFuture<PushResult> future) throws InterruptedException,
            ExecutionException {
        while (true) {
            try {
                return future.get(SPILL_INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
            }
            catch (TimeoutException stillWaiting) {
                spillOverflow();
            }
        }
    }

    private record InFlightPush(CompletableFuture<PushResult> future, List<TelemetryEvent> batch) {
    }

    private void account(PushResult result, List<TelemetryEvent> batch) {
        metrics.sent(result.pushed() + result.duplicates());
        List<TelemetryEvent> undelivered = new ArrayList<>();
        Set<Integer> undeliveredIndexes = new HashSet<>();
        for (PushError error : result.errors()) {
            switch (error.cause()) {
                case INVALID -> metrics.dropped(DropReason.INVALID, 1);
                case REJECTED -> metrics.dropped(DropReason.REJECTED, 1);
                case KEY_REJECTED -> {
                    metrics.credentialsRejected();
                    metrics.dropped(DropReason.REJECTED, 1);
                }
                case UNDELIVERED, NOT_SENT -> {
                    if (error.index() >= 0 && error.index() < batch.size() && undeliveredIndexes.add(error.index())) {
                        undelivered.add(batch.get(error.index()));
                    }
                    else {
                        metrics.dropped(DropReason.RETRIES_EXHAUSTED, 1);
                    }
                }
            }
        }
        if (undelivered.size() < batch.size()) {
            List<TelemetryEvent> finished = new ArrayList<>(batch.size() - undelivered.size());
            for (int index = 0; index < batch.size(); index++) {
                if (!undeliveredIndexes.contains(index)) {
                    finished.add(batch.get(index));
                }
            }
            spool.resolved(finished);
        }
        keepOrDrop(undelivered, DropReason.RETRIES_EXHAUSTED);
    }

    /** Hands the events to the spool; what it cannot keep is counted as dropped for the reason given. */
    private void keepOrDrop(List<TelemetryEvent> events, DropReason reason) {
        if (events.isEmpty()) {
            return;
        }
        int kept = spool.keep(events);
        metrics.spooled(kept);
        metrics.dropped(reason, events.size() - kept);
    }

    private List<CompletableFuture<Void>> takeFlushRequests() {
        List<CompletableFuture<Void>> taken = new ArrayList<>();
        CompletableFuture<Void> request;
        while ((request = flushRequests.poll()) != null) {
            taken.add(request);
        }
        return taken;
    }

    private void completeFlushRequests() {
        takeFlushRequests().forEach(request -> request.complete(null));
    }

    private void awaitWorker(Duration timeout) {
        try {
            worker.join(Math.max(1, timeout.toMillis()));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (IllegalStateException alreadyShuttingDown) {
                // the JVM is exiting; its hooks run anyway
            }
        }
    }
}
