package org.wenzheng.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.security.StaffUser;
import org.wenzheng.web.InvalidFieldException;
import org.wenzheng.web.NotFoundException;
import org.wenzheng.web.Paging;
import org.wenzheng.web.TextInput;

/**
 * {@code /api/units/…/responsibilities}: each unit's published responsibilities (职责清单) and the names citizens
 * call it by (称呼), read by staff and changed by administrators: {@code PUT …/responsibilities},
 * {@code {"responsibilities": "…"}} (one duty per line, at most 4,000 characters; empty publishes none), and
 * {@code PUT …/aliases}, {@code {"aliases": ["派出所", "民警"]}} (at most 40 of at most 20 characters; a name another
 * unit goes by is refused, except that the districts share theirs). The routing suggestions learn from them at once.
 * {@code GET …/changes}: each change with what was published before and after, who changed it and when.
 */
@RestController
@RequestMapping("/api/units")
class UnitsController {

  static final int MAX_LENGTH = 4000;

  static final int MAX_ALIASES = 40;
  static final int MAX_ALIAS_LENGTH = 20;

  record Change(@Size(max = MAX_LENGTH, message = "不能超过 4000 字") String responsibilities) {
  }

  record AliasesChange(List<String> aliases) {
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
    return directory.responsibilities(code).orElseThrow(() -> notFound(code));
  }

  private Unit unit(String code) {
    return directory.unit(code).orElseThrow(() -> notFound(code));
  }

  private static NotFoundException notFound(String code) {
    return new NotFoundException("单位 " + code + " 不存在");
  }

  @PutMapping("/{code}/responsibilities")
  Directory.Responsibilities change(@PathVariable String code, @Valid @RequestBody Change body) {
    unit(code);
    String text = TextInput.blankToNull(body.responsibilities());
    String problem = TextInput.problem(text);
    if (problem != null) {
      throw new InvalidFieldException("responsibilities", problem);
    }
    directory.changeResponsibilities(code, text, StaffUser.current().orElseThrow().id());
    return one(code);
  }

  @PutMapping("/{code}/aliases")
  Directory.Responsibilities changeAliases(@PathVariable String code, @RequestBody AliasesChange body) {
    Unit unit = unit(code);
    if (body.aliases() == null) {
      throw new InvalidFieldException("aliases", "请给出称呼列表（可为空列表）");
    }
    if (body.aliases().size() > MAX_ALIASES) {
      throw new InvalidFieldException("aliases", "不能超过 " + MAX_ALIASES + " 个");
    }
    List<Directory.Responsibilities> others = directory.responsibilities().stream()
        .filter(o -> !o.code().equals(code) && !(o.kind() == UnitKind.DISTRICT && unit.kind() == UnitKind.DISTRICT))
        .toList();
    Set<String> aliases = new LinkedHashSet<>();
    for (int i = 0; i < body.aliases().size(); i++) {
      String alias = TextInput.blankToNull(body.aliases().get(i));
      String field = "aliases[" + i + "]";
      if (alias == null) {
        throw new InvalidFieldException(field, "称呼不能为空");
      }
      String problem = TextInput.problem(alias);
      if (problem != null || alias.codePoints().anyMatch(Character::isWhitespace)) {
        throw new InvalidFieldException(field, problem != null ? problem : "称呼中不能有空格或换行");
      }
      if (alias.codePointCount(0, alias.length()) > MAX_ALIAS_LENGTH) {
        throw new InvalidFieldException(field, "不能超过 " + MAX_ALIAS_LENGTH + " 字");
      }
      // The districts share theirs (one class of local matters); any other unit's name would name neither.
      for (Directory.Responsibilities other : others) {
        if (other.aliases().contains(alias)) {
          throw new InvalidFieldException(field, "「" + alias + "」已是" + other.name() + "的称呼");
        }
      }
      aliases.add(alias);
    }
    directory.changeAliases(code, List.copyOf(aliases), StaffUser.current().orElseThrow().id());
    return one(code);
  }

  /** The unit's changes of responsibilities and aliases, newest first ({@code limit} 1–200, {@code offset}). */
  @GetMapping("/{code}/changes")
  List<Directory.Change> changes(@PathVariable String code, @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    unit(code);
    Paging page = new Paging(limit, offset);
    return directory.changes(code, page.limit(), page.offset());
  }
}
