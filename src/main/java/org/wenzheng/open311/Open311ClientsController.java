package org.wenzheng.open311;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.security.StaffUser;
import org.wenzheng.web.NotFoundException;

/**
 * {@code /api/open311/clients} (administrators): issue an API key to a client application, list the clients, revoke a
 * key. The key is in the answer to the issuing request only.
 */
@RestController
@RequestMapping("/api/open311/clients")
class Open311ClientsController {

  record NewClient(@NotBlank(message = "必填：客户端应用的名称") @Size(max = 100, message = "不能超过 100 字") String name) {
  }

  private final Open311Clients clients;

  Open311ClientsController(Open311Clients clients) {
    this.clients = clients;
  }

  @PostMapping
  ResponseEntity<Open311Clients.Issued> issue(@Valid @RequestBody NewClient body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(clients.issue(body.name().strip(), StaffUser.current().orElseThrow().id()));
  }

  @GetMapping
  List<Open311Clients.Client> all() {
    return clients.all();
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(@PathVariable long id) {
    if (clients.get(id).isEmpty()) {
      throw new NotFoundException("没有编号为 " + id + " 的 Open311 客户端");
    }
    clients.revoke(id, StaffUser.current().orElseThrow().id());
    return ResponseEntity.noContent().build();
  }
}
