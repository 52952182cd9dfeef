package org.wenzheng.directory;

/** A leader mailbox (市委书记信箱, 市长信箱, a district's) that citizens may address. */
public record Mailbox(String code, String name, String unitCode, boolean active) {
}
