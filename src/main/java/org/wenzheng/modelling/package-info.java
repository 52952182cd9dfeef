/**
 * 流程变更: process owners change the process from Camunda Modeler, safely. Every deployment, through any door, is
 * checked before anything is stored ({@link org.wenzheng.modelling.DeploymentGuard}: no scripts, no classes, only
 * variables and the project's own beans and {@link org.wenzheng.appeal.ProcessFunction}s in expressions, the ids
 * the code relies on, forms that exist) and journalled with what changed in each decision table
 * ({@link org.wenzheng.modelling.ProcessChanges}, {@code /process-changes}); a changed rule can be previewed against
 * the decisions of a period ({@code POST /api/policy/preview}); running instances move to a new version when a process
 * owner says so ({@code /api/process-migrations}).
 */
package org.wenzheng.modelling;
