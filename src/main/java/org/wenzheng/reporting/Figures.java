package org.wenzheng.reporting;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one group of appeals (the city, a unit, a channel, a type, a mailbox) for a period. Counts are
 * stored; rates are computed from them, by the one definition documented in the README ("Reports"). A rate whose
 * denominator is zero is null (shown as "—"), never 0% or 100%.
 */
public record Figures(
    String key,
    String name,
    /** 受理量: appeals received in the period. */
    long received,
    long rejected,
    long merged,
    /** 转办量: of them, accepted and dispatched to a unit (for a unit: held by it now). */
    long dispatched,
    /** For a unit: dispatched to it at some time (held now, or returned by it); otherwise = dispatched. */
    long handled,
    long acknowledgedOnTime,
    long replied,
    long resolved,
    long rated,
    long satisfied,
    long responseOverdue,
    long resolutionOverdue,
    double replyDaysTotal,
    long returnedAppeals,
    long returns,
    long unjustifiedReturns,
    long redone,
    long concluded,
    long concludedOnTime,
    long extensions,
    long extensionsApproved,
    long supervisionNotices) {

  /** The figures that can be clicked to list the appeals they count, with their Chinese names. */
  public static final Map<String, String> COUNTS = counts();

  private static Map<String, String> counts() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("received", "受理量");
    m.put("dispatched", "转办量");
    m.put("rejected", "不予受理");
    m.put("replied", "已答复");
    m.put("resolved", "已解决");
    m.put("rated", "已评价");
    m.put("satisfied", "满意与基本满意");
    m.put("responseOverdue", "签收超期");
    m.put("resolutionOverdue", "办结超期");
    m.put("acknowledgedOnTime", "按时签收");
    m.put("returnedAppeals", "被退回的诉求");
    m.put("unjustifiedReturns", "不当退单");
    m.put("redone", "重办");
    m.put("concluded", "已办结");
    m.put("concludedOnTime", "按时办结");
    m.put("extensions", "申请延期");
    m.put("supervisionNotices", "督办");
    return m;
  }

  /** The rates, as fractions from 0 to 1 (null where nothing was there to count). */
  public record Rates(Double replyRate, Double resolutionRate, Double satisfactionRate, Double responseOverdueRate,
      Double resolutionOverdueRate, Double averageReplyDays, Double onTimeAcknowledgementRate, Double returnRate,
      Double unjustifiedReturnRate, Double redoRate, Double onTimeCompletionRate) {
  }

  @JsonProperty("rates")
  public Rates rates() {
    return new Rates(ratio(replied, dispatched), ratio(resolved, replied), ratio(satisfied, rated),
        ratio(responseOverdue, dispatched), ratio(resolutionOverdue, dispatched),
        replied == 0 ? null : replyDaysTotal / replied, ratio(acknowledgedOnTime, dispatched),
        ratio(returnedAppeals, handled), ratio(unjustifiedReturns, returns), ratio(redone, replied),
        ratio(concludedOnTime, dispatched));
  }

  static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  Figures named(String newName) {
    return new Figures(key, newName, received, rejected, merged, dispatched, handled, acknowledgedOnTime, replied,
        resolved, rated, satisfied, responseOverdue, resolutionOverdue, replyDaysTotal, returnedAppeals, returns,
        unjustifiedReturns, redone, concluded, concludedOnTime, extensions, extensionsApproved,
        supervisionNotices);
  }

  /** A unit's row with its own returns: those it made, over the appeals it held at some time. */
  Figures withUnitReturns(long handledByUnit, long returnedByUnit, long returnsByUnit, long unjustifiedByUnit) {
    return new Figures(key, name, received, rejected, merged, dispatched, handledByUnit, acknowledgedOnTime,
        replied, resolved, rated, satisfied, responseOverdue, resolutionOverdue, replyDaysTotal, returnedByUnit,
        returnsByUnit, unjustifiedByUnit, redone, concluded, concludedOnTime, extensions, extensionsApproved,
        supervisionNotices);
  }

  static Figures empty(String key, String name) {
    return new Figures(key, name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
