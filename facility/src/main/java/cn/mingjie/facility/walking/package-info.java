/**
 * Walking times, service areas (isochrones) and routes: on an OpenStreetMap road network loaded with
 * GraphHopper where one covers the place, otherwise a straight-line estimate that is always labelled
 * as a fallback ({@link cn.mingjie.facility.walking.WalkingMethod#fallback()}).
 */
package cn.mingjie.facility.walking;
