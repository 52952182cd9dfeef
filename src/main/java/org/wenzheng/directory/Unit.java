package org.wenzheng.directory;

import org.springframework.modulith.NamedInterface;

/** A unit that can be given appeals: a city department, a district, a street or a community. */
@NamedInterface("directory")
public record Unit(String code, String name, UnitKind kind, String parentCode, String email, boolean active) {
}
