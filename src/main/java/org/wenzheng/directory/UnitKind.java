package org.wenzheng.directory;

import org.springframework.modulith.NamedInterface;

@NamedInterface("directory")
public enum UnitKind {
  CITY_DEPARTMENT, DISTRICT, STREET, COMMUNITY
}
