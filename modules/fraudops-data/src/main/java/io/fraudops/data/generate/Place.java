package io.fraudops.data.generate;

/**
 * A city where card holders live or merchants trade, with the coordinates of its centre.
 *
 * @param weight relative population, used to place card holders and online merchants
 */
record Place(String city, String country, double latitude, double longitude, double weight) {}
