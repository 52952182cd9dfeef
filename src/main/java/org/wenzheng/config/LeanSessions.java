package org.wenzheng.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Two of the engine's per-command sessions, with one costly habit each removed (measured under load, README "Load
 * and scale"); everything else is the engine's own code.
 */
final class LeanSessions {

  private LeanSessions() {
  }

  static List<SessionFactory> factories() {
    return List.of(new EntityManagers(), new AuthorizationManagers());
  }

  /**
   * The entity manager checks every inserted entity's id with a message it builds beforehand from the entity's whole
   * {@code toString()}: a few percent of the CPU of every step, for a message that is never shown. Here the message is
   * built only when the id is invalid (missing, or the authorization wildcard {@code *}).
   */
  static final class EntityManagers extends DbEntityManagerFactory {

    EntityManagers() {
      super(null);
    }

    @Override
    public DbEntityManager openSession() {
      IdGenerator ids = Context.getProcessEngineConfiguration().getIdGenerator();
      return new DbEntityManager(ids, Context.getCommandContext().getSession(PersistenceSession.class)) {
        @Override
        protected void validateId(DbEntity entity) {
          String id = entity.getId();
          if (id == null || Authorization.ANY.equals(id)) {
            super.validateId(entity);
          }
        }
      };
    }
  }

  /**
   * Before any authorization check the engine asks which of the user's groups have authorizations at all, by
   * selecting every group that has any ({@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}: a pass over all
   * grants, whose number grows with the open tasks). Here only the user's own groups are looked up in the group
   * index. The answer is the same, and it is still asked once per command.
   */
  static final class AuthorizationManagers implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new AuthorizationManager() {
        private List<String> filtered;
        private List<String> filteredFor;

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> groupIds) {
          if (groupIds == null || groupIds.isEmpty()) {
            return super.filterAuthenticatedGroupIds(groupIds);
          }
          if (filtered == null || !groupIds.equals(filteredFor)) {
            @SuppressWarnings("unchecked")
            List<String> withGrants = (List<String>) getDbEntityManager().selectList(
                AuthorizationQueries.NAMESPACE + ".selectGroupsWithAuthorizations", new ArrayList<>(groupIds));
            Set<String> unique = new HashSet<>(withGrants);
            filtered = new ArrayList<>(unique);
            filteredFor = new ArrayList<>(groupIds);
          }
          return filtered;
        }
      };
    }
  }
}
