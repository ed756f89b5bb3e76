package fr.convergence.pathway.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.Correlation;
import fr.convergence.pathway.store.CommandContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Sends one command of a pathway and answers the pathway's new state, built from what the command has at hand (the
 * aggregate that handled it, the events it stored); read from the store only when a retry ran on another thread.
 * Counts every command, accepted or rejected (convergence.commands{type,outcome,rule}).
 */
@Component
class CommandSending {

    private final CommandGateway commands;
    private final PathwayQueries queries;
    private final MeterRegistry meters;

    CommandSending(CommandGateway commands, PathwayQueries queries, MeterRegistry meters) {
        this.commands = commands;
        this.queries = queries;
        this.meters = meters;
    }

    /** {@code loaded}: the pathway's stream as read for the access check (the aggregate is loaded from it), or null. */
    PathwayView send(String pathwayId, Object command, Caller caller, Document loaded) {
        String type = command.getClass().getSimpleName();
        try (CommandContext context = CommandContext.open(pathwayId, loaded)) {
            try {
                commands.sendAndWait(command, MetaData.with("correlationId", Correlation.current())
                        .and("recordedBy", caller.userId()));
            } catch (RuntimeException rejected) {
                meters.counter("convergence.commands", "type", type, "outcome", "rejected",
                        "rule", PathwayErrors.translated(rejected).rule()).increment();
                throw rejected;
            }
            meters.counter("convergence.commands", "type", type, "outcome", "accepted", "rule", "none").increment();
            return context.stored().flatMap(stored -> queries.afterCommand(context.handler(), stored))
                    .orElseGet(() -> queries.current(pathwayId));
        }
    }
}
