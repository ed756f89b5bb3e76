package fr.convergence.pathway.store;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Hands the aggregate instance that handled a command to the request's {@link CommandContext}, so the answer is
 * built from the state the command just produced instead of reloading the stream, and to the command's unit of
 * work, so the append can keep a snapshot of it ({@link AggregateSnapshots}). Only command handlers on an
 * existing instance are wrapped; everything else is returned as it is.
 */
public class HandlingAggregateCapture implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(CommandMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                Object result = super.handle(message, target);
                if (target != null) {
                    CommandContext.handledBy(target);
                    CurrentUnitOfWork.ifStarted(unit -> unit.root().resources()
                            .put(AggregateSnapshots.HANDLING_AGGREGATE, target));
                }
                return result;
            }
        };
    }
}
