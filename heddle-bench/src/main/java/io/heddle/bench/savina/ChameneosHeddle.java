package io.heddle.bench.savina;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;
import io.heddle.bench.savina.Chameneos.Color;

/** {@link Chameneos} on Heddle: a class-style mall spawned per run, creatures as its children, default options. */
final class ChameneosHeddle implements Workload {

    sealed interface MallMsg permits Meet, Faded {}

    sealed interface CreatureMsg permits Meet, Change, Leave {}

    /** To the mall: a creature asks for a meeting. From the mall to the waiting creature: its partner. */
    record Meet(ActorRef<CreatureMsg> creature, Color color) implements MallMsg, CreatureMsg {}

    record Change(Color color) implements CreatureMsg {}

    enum Leave implements CreatureMsg { INSTANCE }

    record Faded(long meetings) implements MallMsg {}

    static final class Mall extends Actor<MallMsg> {
        private final int creatures;
        private final Tally tally;
        private int meetingsLeft;
        private Meet waiting;
        private int faded;
        private long meetingsReported;

        Mall(int creatures, int meetings, Tally tally) {
            this.creatures = creatures;
            this.meetingsLeft = meetings;
            this.tally = tally;
        }

        @Override
        protected void init() {
            for (int i = 0; i < creatures; i++) {
                context().spawn(new Creature(self(), Color.initial(i)));
            }
        }

        @Override
        protected void handle(MallMsg message) {
            switch (message) {
                case Meet meet when meetingsLeft == 0 -> meet.creature().cast(Leave.INSTANCE);
                case Meet meet when waiting == null -> waiting = meet;
                case Meet meet -> {
                    waiting.creature().cast(meet);
                    waiting = null;
                    meetingsLeft--;
                }
                case Faded(long meetings) -> {
                    meetingsReported += meetings;
                    if (++faded == creatures) {
                        tally.arrive(meetingsReported);
                        context().stop();
                    }
                }
            }
        }
    }

    static final class Creature extends Actor<CreatureMsg> {
        private final ActorRef<MallMsg> mall;
        private Color color;
        private long meetings;

        Creature(ActorRef<MallMsg> mall, Color color) {
            this.mall = mall;
            this.color = color;
        }

        @Override
        protected void init() {
            mall.cast(new Meet(self(), color));
        }

        @Override
        protected void handle(CreatureMsg message) {
            switch (message) {
                case Meet(ActorRef<CreatureMsg> partner, Color partnerColor) -> {
                    meetings++;
                    color = color.complement(partnerColor);
                    partner.cast(new Change(color));
                    mall.cast(new Meet(self(), color));
                }
                case Change(Color newColor) -> {
                    meetings++;
                    color = newColor;
                    mall.cast(new Meet(self(), color));
                }
                case Leave l -> {
                    mall.cast(new Faded(meetings));
                    context().stop();
                }
            }
        }
    }

    private final ActorSystem system = ActorSystem.create("bench-chameneos");
    private final int creatures;

    ChameneosHeddle(int creatures) {
        this.creatures = creatures;
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(1);
        system.spawn(new Mall(creatures, n, tally));
        return tally.await("heddle chameneos meetings (counted by both creatures)", 2L * n) / 2;
    }

    @Override
    public void close() {
        system.close();
    }
}
