package io.heddle.bench.savina;

import io.heddle.bench.PekkoHost;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;
import io.heddle.bench.savina.Chameneos.Color;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/** {@link Chameneos} on Pekko typed: a mall spawned per run, creatures as its children, default configuration. */
final class ChameneosPekko implements Workload {

    sealed interface MallMsg permits Meet, Faded {}

    sealed interface CreatureMsg permits Meet, Change, Leave {}

    /** To the mall: a creature asks for a meeting. From the mall to the waiting creature: its partner. */
    record Meet(ActorRef<CreatureMsg> creature, Color color) implements MallMsg, CreatureMsg {}

    record Change(Color color) implements CreatureMsg {}

    enum Leave implements CreatureMsg { INSTANCE }

    record Faded(long meetings) implements MallMsg {}

    static final class Mall extends AbstractBehavior<MallMsg> {
        private final int creatures;
        private final Tally tally;
        private int meetingsLeft;
        private Meet waiting;
        private int faded;
        private long meetingsReported;

        Mall(ActorContext<MallMsg> context, int creatures, int meetings, Tally tally) {
            super(context);
            this.creatures = creatures;
            this.meetingsLeft = meetings;
            this.tally = tally;
            for (int i = 0; i < creatures; i++) {
                Color color = Color.initial(i);
                context.spawnAnonymous(Behaviors.<CreatureMsg>setup(ctx -> new Creature(ctx, context.getSelf(), color)));
            }
        }

        @Override
        public Receive<MallMsg> createReceive() {
            return newReceiveBuilder().onAnyMessage(this::handle).build();
        }

        private Behavior<MallMsg> handle(MallMsg message) {
            switch (message) {
                case Meet meet when meetingsLeft == 0 -> meet.creature().tell(Leave.INSTANCE);
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
                        return Behaviors.stopped();
                    }
                }
            }
            return this;
        }
    }

    static final class Creature extends AbstractBehavior<CreatureMsg> {
        private final ActorRef<MallMsg> mall;
        private Color color;
        private long meetings;

        Creature(ActorContext<CreatureMsg> context, ActorRef<MallMsg> mall, Color color) {
            super(context);
            this.mall = mall;
            this.color = color;
            mall.tell(new Meet(context.getSelf(), color));
        }

        @Override
        public Receive<CreatureMsg> createReceive() {
            return newReceiveBuilder().onAnyMessage(this::handle).build();
        }

        private Behavior<CreatureMsg> handle(CreatureMsg message) {
            switch (message) {
                case Meet(ActorRef<CreatureMsg> partner, Color partnerColor) -> {
                    meetings++;
                    color = color.complement(partnerColor);
                    partner.tell(new Change(color));
                    mall.tell(new Meet(getContext().getSelf(), color));
                }
                case Change(Color newColor) -> {
                    meetings++;
                    color = newColor;
                    mall.tell(new Meet(getContext().getSelf(), color));
                }
                case Leave l -> {
                    mall.tell(new Faded(meetings));
                    return Behaviors.stopped();
                }
            }
            return this;
        }
    }

    private final PekkoHost host = new PekkoHost("bench-chameneos");
    private final int creatures;

    ChameneosPekko(int creatures) {
        this.creatures = creatures;
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(1);
        host.spawn(Behaviors.<MallMsg>setup(ctx -> new Mall(ctx, creatures, n, tally)));
        return tally.await("pekko chameneos meetings (counted by both creatures)", 2L * n) / 2;
    }

    @Override
    public void close() {
        host.close();
    }
}
