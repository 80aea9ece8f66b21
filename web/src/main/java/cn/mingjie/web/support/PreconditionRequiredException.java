package cn.mingjie.web.support;

/** A write came without If-Match: we will not guess which version the client meant to change. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("If-Match required");
    }
}
