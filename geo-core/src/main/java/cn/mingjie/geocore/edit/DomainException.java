package cn.mingjie.geocore.edit;

import java.util.Arrays;

/**
 * A failure the user can act on. It carries a message key (resolved in Chinese or English by the web
 * layer) and its arguments rather than a finished sentence.
 */
public abstract class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    protected DomainException(String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
