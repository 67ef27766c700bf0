/**
 * A live web dashboard of a running actor system, served by the JDK's HTTP server on localhost: the supervision
 * tree, every actor with its state, mailbox, message rate and handler latency, the links and monitors between actors,
 * routers and pools with their routees, recent dead letters and scheduling events, and stop and kill buttons guarded
 * by a token.
 *
 * <p>Start one with {@link io.heddle.dashboard.Dashboard#start(io.heddle.ActorSystem, DashboardOptions)}; measure
 * handler latency by creating the system from {@link io.heddle.dashboard.Dashboard#instrument}'s configuration. See
 * {@code docs/dashboard.md}.
 */
package io.heddle.dashboard;
