package org.wenzheng.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Open311 GeoReport v2 under {@code /open311/v2}, so that existing 311 apps and FixMyStreet can submit appeals and
 * follow them: discovery, services, service definitions, requests (create with an API key, list, one), tokens.
 * Every answer exists as {@code .xml} (the required format) and {@code .json}; errors are
 * {@code errors/error{code, description}} with the HTTP status as the code.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

  static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
  /** When this endpoint's behaviour last changed. */
  static final String CHANGESET = "2026-11-21T00:00:00+08:00";

  private final Open311Service service;
  private final Open311Clients clients;
  private final ObjectMapper json;
  private final String baseUrl;
  private final String jurisdiction;

  Open311Controller(Open311Service service, Open311Clients clients, ObjectMapper json,
      @Value("${wenzheng.citizen.public-base-url}") String baseUrl,
      @Value("${wenzheng.open311.jurisdiction-id}") String jurisdiction) {
    this.service = service;
    this.clients = clients;
    this.json = json;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.jurisdiction = jurisdiction;
  }

  @GetMapping("/discovery.{format}")
  ResponseEntity<String> discovery(@PathVariable String format) {
    Open311Format f = format(format);
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("specification", SPECIFICATION);
    endpoint.put("url", baseUrl + "/open311/v2");
    endpoint.put("changeset", CHANGESET);
    endpoint.put("type", "production");
    endpoint.put("formats", List.of("text/xml", "application/json"));
    Map<String, Object> discovery = new LinkedHashMap<>();
    discovery.put("changeset", CHANGESET);
    discovery.put("contact", "问政平台调度中心，市民服务热线 12345");
    discovery.put("key_service", "创建诉求需要 api_key：请联系平台管理员申请（管理员在 /api/open311/clients 签发和吊销）");
    discovery.put("endpoints", List.of(endpoint));
    return ok(f, f.object("discovery", discovery, json));
  }

  @GetMapping("/services.{format}")
  ResponseEntity<String> services(@PathVariable String format, @RequestParam Map<String, String> params) {
    Open311Format f = format(format);
    jurisdiction(params);
    return ok(f, f.list("services", "service", service.services(), json));
  }

  @GetMapping("/services/{code}.{format}")
  ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
      @RequestParam Map<String, String> params) {
    Open311Format f = format(format);
    jurisdiction(params);
    return ok(f, f.object("service_definition", service.definition(code), json));
  }

  @PostMapping("/requests.{format}")
  ResponseEntity<String> create(@PathVariable String format, @RequestParam Map<String, String> params) {
    Open311Format f = format(format);
    jurisdiction(params);
    Open311Clients.Client client = clients.authenticate(params.get("api_key"))
        .orElseThrow(() -> new Open311Error(403, "Invalid api_key received -- can't proceed with create_request."));
    return ok(f, f.list("service_requests", "request", List.of(service.create(client, params)), json));
  }

  @GetMapping("/requests.{format}")
  ResponseEntity<String> requests(@PathVariable String format, @RequestParam Map<String, String> params) {
    Open311Format f = format(format);
    jurisdiction(params);
    return ok(f, f.list("service_requests", "request", service.requests(params), json));
  }

  @GetMapping("/requests/{id}.{format}")
  ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
      @RequestParam Map<String, String> params) {
    Open311Format f = format(format);
    jurisdiction(params);
    return ok(f, f.list("service_requests", "request", List.of(service.request(id)), json));
  }

  @GetMapping("/tokens/{token}.{format}")
  ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
      @RequestParam Map<String, String> params) {
    Open311Format f = format(format);
    jurisdiction(params);
    return ok(f, f.list("service_requests", "request", List.of(service.token(token)), json));
  }

  @ExceptionHandler(Open311Error.class)
  ResponseEntity<String> error(Open311Error e, jakarta.servlet.http.HttpServletRequest request) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.status);
    error.put("description", e.getMessage());
    Open311Format f = requestedFormat(request);
    return ResponseEntity.status(e.status).contentType(f.mediaType).body(f.list("errors", "error", List.of(error),
        json));
  }

  /** The format of the failed request, as far as it can be told; XML otherwise (it is the required one). */
  private static Open311Format requestedFormat(jakarta.servlet.http.HttpServletRequest request) {
    Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (vars instanceof Map<?, ?> map && map.get("format") instanceof String ext
        && Open311Format.of(ext) != null) {
      return Open311Format.of(ext);
    }
    return Open311Format.XML;
  }

  private static Open311Format format(String extension) {
    Open311Format f = Open311Format.of(extension);
    if (f == null) {
      throw new Open311Error(404, "format '" + extension + "' not supported: use xml or json");
    }
    return f;
  }

  private void jurisdiction(Map<String, String> params) {
    String id = params.get("jurisdiction_id");
    if (id != null && !id.isBlank() && !id.strip().equals(jurisdiction)) {
      throw new Open311Error(404, "jurisdiction_id '" + id + "' not found");
    }
  }

  private static ResponseEntity<String> ok(Open311Format f, String body) {
    return ResponseEntity.ok().contentType(f.mediaType).body(body);
  }
}
