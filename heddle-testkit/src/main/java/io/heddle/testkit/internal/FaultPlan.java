package io.heddle.testkit.internal;

import io.heddle.ActorRef;
import io.heddle.internal.testing.DeliveryInterceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The faults a test has injected into message delivery: rules tried in order, the first that matches decides. */
public final class FaultPlan implements DeliveryInterceptor {

    private record Rule(ActorRef<?> target, Predicate<Object> matches, Verdict verdict) {}

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /** From now on, messages to {@code target} that match {@code which} get {@code verdict}. */
    public void add(ActorRef<?> target, Predicate<Object> which, Verdict verdict) {
        rules.add(new Rule(target, which, verdict));
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    @Override
    public Verdict intercept(ActorRef<?> target, Object message) {
        for (Rule rule : rules) {
            if (rule.target() == target && rule.matches().test(message)) return rule.verdict();
        }
        return Verdict.DELIVER;
    }
}
