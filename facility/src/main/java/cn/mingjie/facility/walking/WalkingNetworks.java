package cn.mingjie.facility.walking;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

/**
 * The road networks loaded in this application and the choice between them: a pair of points is
 * walked on a network that covers both, otherwise estimated in a straight line (labelled fallback).
 */
@Component
public class WalkingNetworks {

    private final List<OsmWalkingNetwork> networks = new CopyOnWriteArrayList<>();
    private final StraightLineWalking fallback = new StraightLineWalking();

    public void register(OsmWalkingNetwork network) {
        networks.removeIf(n -> n.name().equals(network.name()));
        networks.add(network);
    }

    public List<OsmWalkingNetwork> loaded() {
        return List.copyOf(networks);
    }

    public StraightLineWalking fallback() {
        return fallback;
    }

    /** The network for walks starting at {@code origin}. */
    public WalkingNetwork at(Point origin) {
        return networks.stream()
                .filter(n -> n.covers(origin))
                .map(WalkingNetwork.class::cast)
                .findFirst()
                .orElse(fallback);
    }

    /** The network for a walk between two points: one that covers both, else the fallback. */
    public WalkingNetwork between(Point a, Point b) {
        return networks.stream()
                .filter(n -> n.covers(a) && n.covers(b))
                .map(WalkingNetwork.class::cast)
                .findFirst()
                .orElse(fallback);
    }
}
