package cn.mingjie.geocore.edit;

/** The addressed record does not exist (at the requested date). */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, String id) {
        super("error.not-found", what, id);
    }
}
