package dev.racelock.samples.juc;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;

/**
 * A producer prices jobs the main thread created and puts them into blocking queues; the main
 * thread finds each one with {@code contains} or takes it back with {@code remove(job)}, and then
 * reads its price. Finding or removing the element is an access of it (BlockingQueue
 * memory-consistency effects), as {@code take} would be. Twin: {@link QueueRemoveWrittenAfterPut}.
 */
// requires juc
// expect none
public final class QueueRemoveHandOff {
    static final class Job implements Comparable<Job> {
        final int id;
        int price;

        Job(int id) {
            this.id = id;
        }

        @Override
        public int compareTo(Job other) {
            return Integer.compare(id, other.id);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        List<BlockingQueue<Job>> queues = List.of(new LinkedBlockingQueue<>(), new ArrayBlockingQueue<>(4),
                new PriorityBlockingQueue<>());
        Job[] jobs = {new Job(1), new Job(2), new Job(3)};
        Thread producer = new Thread(() -> {
            for (int i = 0; i < jobs.length; i++) {
                jobs[i].price = 10 * (i + 1);
                queues.get(i).add(jobs[i]);
            }
        }, "producer");
        producer.start();
        for (int i = 0; i < jobs.length; i++) {
            BlockingQueue<Job> queue = queues.get(i);
            if (i == 0) {
                while (!queue.contains(jobs[i])) {
                    Thread.onSpinWait();
                }
            } else {
                while (!queue.remove(jobs[i])) {
                    Thread.onSpinWait();
                }
            }
            System.out.println("job " + jobs[i].id + " costs " + jobs[i].price);
        }
        producer.join();
    }
}
