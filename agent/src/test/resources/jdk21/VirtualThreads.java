// Compiled at test time by a JDK 21+ javac (the fixtures are Java 17): see RecordedTraceIT.
public class VirtualThreads {
    static int data;

    public static void main(String[] args) throws Exception {
        data = 1;
        Thread v = Thread.ofVirtual().name("virtual-1").start(() -> data++);
        v.join();
        Thread w = Thread.startVirtualThread(() -> data++);
        w.join();
        System.out.println("data " + data);
    }
}
