package io.heddle.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.heddle.testkit.internal.VirtualThreadHook;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The JDK internals the simulation relies on still work on this JDK (DESIGN.md asks for a check per JDK). */
class VirtualThreadHookTest {

    @Test
    void aCustomSchedulerReceivesTheRunTasksOfItsThreadsAndTheirChildren() throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        Executor scheduler = tasks::add;
        Thread.Builder.OfVirtual builder = VirtualThreadHook.builder(scheduler);
        List<String> ran = new ArrayList<>();
        Thread parent = builder.name("parent").start(() -> {
            ran.add("parent");
            Thread.ofVirtual().name("child").start(() -> ran.add("child"));
        });
        assertEquals(1, tasks.size(), "start hands the thread to the scheduler");
        Runnable first = tasks.removeFirst();
        assertSame(parent, VirtualThreadHook.threadOf(first));
        assertSame(scheduler, VirtualThreadHook.schedulerOf(parent));
        first.run();
        assertEquals(1, tasks.size(), "a virtual thread started inside inherits the scheduler");
        Thread child = VirtualThreadHook.threadOf(tasks.getFirst());
        assertNotNull(child);
        assertEquals("child", child.getName());
        tasks.removeFirst().run();
        assertEquals(List.of("parent", "child"), ran);
    }
}
