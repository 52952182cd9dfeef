package org.wenzheng.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before the application sees a request (a path with {@code %00}, a malformed request
 * line): problem+json on the APIs, a short Chinese page elsewhere, instead of Tomcat's English HTML with its version.
 */
@Component
class PlainErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(Valve.class.getName());
      }
    });
  }

  /** Tomcat's error report, in our words. */
  public static class Valve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
      boolean api = ProblemResponses.forPrograms(uri);
      try {
        response.setCharacterEncoding("UTF-8");
        Writer out = response.getReporter();
        if (out == null) {
          return;
        }
        if (api) {
          response.setContentType("application/problem+json");
          out.write("{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\""
              + (status == 400 ? "请求无效 (bad request)" : "请求未能处理 (request failed)") + "\"}");
        } else {
          response.setContentType("text/html;charset=UTF-8");
          out.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请求无效</title></head>"
              + "<body><h1>请求无效</h1><p>地址或提交的内容有误，请返回重试。如需帮助，请拨打 12345 市民服务热线。</p></body></html>");
        }
      } catch (IOException | IllegalStateException e) {
        // The response is gone: nothing more to say.
      }
    }
  }
}
