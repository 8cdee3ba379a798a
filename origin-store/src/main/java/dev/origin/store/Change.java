package dev.origin.store;

/** What a write did to one stored item: imports count these, and an unchanged item is not written. */
public enum Change { ADDED, CHANGED, UNCHANGED }
