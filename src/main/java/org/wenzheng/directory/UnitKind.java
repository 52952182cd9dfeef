package org.wenzheng.directory;

public enum UnitKind {
  CITY_DEPARTMENT, DISTRICT, STREET, COMMUNITY
}
