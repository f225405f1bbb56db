package dev.trajectory.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    @Test
    void newIdIsAVersion4UuidInHexWithoutDashes() {
        for (int i = 0; i < 1000; i++) {
            String id = EventIds.newEventId();
            assertThat(id).matches("[0-9a-f]{32}");
            UUID uuid = UUID.fromString(id.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
        }
    }

    @Test
    void idsFromManyThreadsNeverRepeat() throws InterruptedException {
        int threads = 8;
        int idsEach = 50_000;
        Set<String> ids = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                }
                catch (InterruptedException ex) {
                    return;
                }
                for (int i = 0; i < idsEach; i++) {
                    ids.add(EventIds.newEventId());
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(ids).hasSize(threads * idsEach);
    }

    @Test
    void everyHexDigitAppearsInEveryRandomPosition() {
        // A stuck or badly mixed generator would leave positions constant; versions and variants aside, each of
        // the 30 random positions must take all 16 digits over a few thousand ids.
        List<Set<Character>> seen = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            seen.add(ConcurrentHashMap.newKeySet());
        }
        for (int n = 0; n < 5000; n++) {
            String id = EventIds.newEventId();
            for (int i = 0; i < 32; i++) {
                seen.get(i).add(id.charAt(i));
            }
        }
        for (int i = 0; i < 32; i++) {
            if (i == 12) {
                assertThat(seen.get(i)).containsExactly('4');
            }
            else if (i == 16) {
                assertThat(seen.get(i)).containsExactlyInAnyOrder('8', '9', 'a', 'b');
            }
            else {
                assertThat(seen.get(i)).as("digits at position %d", i).hasSize(16);
            }
        }
    }

    @Test
    void recordKeyGivesTheSameIdEveryTime() {
        assertThat(EventIds.fromRecordKey("orders:42")).isEqualTo(EventIds.fromRecordKey("orders:42"))
                .hasSize(64).isNotEqualTo(EventIds.fromRecordKey("orders:43"));
    }
}
