package org.wenzheng.directory;

import org.springframework.modulith.NamedInterface;

/** A leader mailbox (市委书记信箱, 市长信箱, a district's) that citizens may address. */
@NamedInterface("directory")
public record Mailbox(String code, String name, String unitCode, boolean active) {
}
