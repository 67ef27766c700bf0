package io.heddle.bench.savina;

import io.heddle.bench.JdkActor;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;
import io.heddle.bench.savina.Chameneos.Color;

/** {@link Chameneos} on the bare JDK: a mall and its creatures as {@link JdkActor}s, new for each run. */
final class ChameneosJdk implements Workload {

    /** To the mall: a creature asks for a meeting. From the mall to the waiting creature: its partner. */
    record Meet(JdkActor<Object> creature, Color color) {}

    record Change(Color color) {}

    /** Tells a creature to leave. */
    private static final Object LEAVE = new Object();

    record Faded(long meetings) {}

    /** The mall's state; mall thread only. */
    private static final class Mall {
        final int creatures;
        final Tally tally;
        int meetingsLeft;
        Meet waiting;
        int faded;
        long meetingsReported;

        Mall(int creatures, int meetings, Tally tally) {
            this.creatures = creatures;
            this.meetingsLeft = meetings;
            this.tally = tally;
        }

        boolean handle(Object message) {
            switch (message) {
                case Meet meet when meetingsLeft == 0 -> meet.creature().tell(LEAVE);
                case Meet meet when waiting == null -> waiting = meet;
                case Meet meet -> {
                    waiting.creature().tell(meet);
                    waiting = null;
                    meetingsLeft--;
                }
                case Faded(long meetings) -> {
                    meetingsReported += meetings;
                    if (++faded == creatures) {
                        tally.arrive(meetingsReported);
                        return false;
                    }
                }
                default -> throw new IllegalArgumentException("unexpected " + message);
            }
            return true;
        }
    }

    /** A creature's state; its own thread only. */
    private static final class Creature {
        final JdkActor<Object> self = new JdkActor<>();
        final JdkActor<Object> mall;
        Color color;
        long meetings;

        Creature(JdkActor<Object> mall, Color color) {
            this.mall = mall;
            this.color = color;
        }

        boolean handle(Object message) {
            switch (message) {
                case Meet(JdkActor<Object> partner, Color partnerColor) -> {
                    meetings++;
                    color = color.complement(partnerColor);
                    partner.tell(new Change(color));
                    mall.tell(new Meet(self, color));
                }
                case Change(Color newColor) -> {
                    meetings++;
                    color = newColor;
                    mall.tell(new Meet(self, color));
                }
                default -> {
                    if (message != LEAVE) throw new IllegalArgumentException("unexpected " + message);
                    mall.tell(new Faded(meetings));
                    return false;
                }
            }
            return true;
        }
    }

    private final int creatures;

    ChameneosJdk(int creatures) {
        this.creatures = creatures;
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(1);
        JdkActor<Object> mall = new JdkActor<>().start(new Mall(creatures, n, tally)::handle);
        for (int i = 0; i < creatures; i++) {
            Creature creature = new Creature(mall, Color.initial(i));
            creature.self.start(creature::handle);
            mall.tell(new Meet(creature.self, creature.color));
        }
        return tally.await("jdk chameneos meetings (counted by both creatures)", 2L * n) / 2;
    }

    @Override
    public void close() {}
}
