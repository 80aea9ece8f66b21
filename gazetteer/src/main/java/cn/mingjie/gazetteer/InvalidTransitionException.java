package cn.mingjie.gazetteer;

import cn.mingjie.geocore.edit.DomainException;

/** A step that the current state does not allow (e.g. approving a case not yet reviewed); answered 409. */
public class InvalidTransitionException extends DomainException {

    public InvalidTransitionException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
