package cn.mingjie.gazetteer.photo;

/** A stored photo with its bytes. */
public record Photo(PhotoInfo info, byte[] bytes) {}
