package org.wenzheng.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.security.StaffUser;
import org.wenzheng.web.InvalidFieldException;
import org.wenzheng.web.NotFoundException;
import org.wenzheng.web.TextInput;

/**
 * {@code /api/units/…/responsibilities}: each unit's published responsibilities (职责清单), read by staff and changed
 * by administrators ({@code PUT}, {@code {"responsibilities": "…"}}: one duty per line, at most 4,000 characters;
 * empty publishes none). The routing suggestions learn from them at once.
 */
@RestController
@RequestMapping("/api/units")
class UnitsController {

  static final int MAX_LENGTH = 4000;

  record Change(@Size(max = MAX_LENGTH, message = "不能超过 4000 字") String responsibilities) {
  }

  private final Directory directory;

  UnitsController(Directory directory) {
    this.directory = directory;
  }

  @GetMapping("/responsibilities")
  List<Directory.Responsibilities> all() {
    return directory.responsibilities();
  }

  @GetMapping("/{code}/responsibilities")
  Directory.Responsibilities one(@PathVariable String code) {
    return directory.responsibilities(code).orElseThrow(() -> new NotFoundException("单位 " + code + " 不存在"));
  }

  @PutMapping("/{code}/responsibilities")
  Directory.Responsibilities change(@PathVariable String code, @Valid @RequestBody Change body) {
    if (directory.unit(code).isEmpty()) {
      throw new NotFoundException("单位 " + code + " 不存在");
    }
    String text = TextInput.blankToNull(body.responsibilities());
    String problem = TextInput.problem(text);
    if (problem != null) {
      throw new InvalidFieldException("responsibilities", problem);
    }
    directory.changeResponsibilities(code, text, StaffUser.current().orElseThrow().id());
    return one(code);
  }
}
