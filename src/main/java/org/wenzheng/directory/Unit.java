package org.wenzheng.directory;

/** A unit that can be given appeals: a city department, a district, a street or a community. */
public record Unit(String code, String name, UnitKind kind, String parentCode, String email, boolean active) {
}
