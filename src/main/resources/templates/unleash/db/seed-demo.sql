-- The `demo` seed: four feature flags in the default project, as Unleash's own admin API would store them
-- (features, one feature_environments row per environment, strategies on the enabled ones, the lifecycle's
-- first stage). Runs after 001-schema.sql, the schema Unleash 8.2.0 gives an empty database.

INSERT INTO public.features (name, description, type, project, created_at) VALUES
  ('new-checkout', 'The redesigned checkout flow.', 'release', 'default', '2026-01-05 09:00:00+00'),
  ('dark-mode', 'Dark theme for half of the users, sticky per user.', 'experiment', 'default', '2026-01-05 09:01:00+00'),
  ('maintenance-banner', 'Shows the maintenance banner; off until needed.', 'kill-switch', 'default', '2026-01-05 09:02:00+00'),
  ('beta-pricing', 'New pricing page for the beta customers only.', 'permission', 'default', '2026-01-05 09:03:00+00');

INSERT INTO public.feature_environments (environment, feature_name, enabled) VALUES
  ('development', 'new-checkout', true),
  ('production', 'new-checkout', true),
  ('development', 'dark-mode', true),
  ('production', 'dark-mode', false),
  ('development', 'maintenance-banner', false),
  ('production', 'maintenance-banner', false),
  ('development', 'beta-pricing', true),
  ('production', 'beta-pricing', true);

INSERT INTO public.feature_strategies
  (id, feature_name, project_name, environment, strategy_name, parameters, constraints, sort_order, created_at)
VALUES
  ('01KDEM0000NEWCHECK0UTDEV01', 'new-checkout', 'default', 'development', 'flexibleRollout',
   '{"rollout": "100", "stickiness": "default", "groupId": "new-checkout"}', '[]', 0, '2026-01-05 09:00:00+00'),
  ('01KDEM0000NEWCHECK0UTPR0D1', 'new-checkout', 'default', 'production', 'flexibleRollout',
   '{"rollout": "25", "stickiness": "default", "groupId": "new-checkout"}', '[]', 0, '2026-01-05 09:00:00+00'),
  ('01KDEM0000DARKM0DEDEV00001', 'dark-mode', 'default', 'development', 'flexibleRollout',
   '{"rollout": "50", "stickiness": "userId", "groupId": "dark-mode"}', '[]', 0, '2026-01-05 09:01:00+00'),
  ('01KDEM0000BETAPR1C1NGDEV01', 'beta-pricing', 'default', 'development', 'flexibleRollout',
   '{"rollout": "100", "stickiness": "default", "groupId": "beta-pricing"}',
   '[{"contextName": "userId", "operator": "IN", "values": ["acme-1", "acme-2"], "caseInsensitive": false, "inverted": false}]',
   0, '2026-01-05 09:03:00+00'),
  ('01KDEM0000BETAPR1C1NGPR0D1', 'beta-pricing', 'default', 'production', 'flexibleRollout',
   '{"rollout": "100", "stickiness": "default", "groupId": "beta-pricing"}',
   '[{"contextName": "userId", "operator": "IN", "values": ["acme-1", "acme-2"], "caseInsensitive": false, "inverted": false}]',
   0, '2026-01-05 09:03:00+00');

INSERT INTO public.feature_lifecycles (feature, stage, created_at) VALUES
  ('new-checkout', 'initial', '2026-01-05 09:00:00+00'),
  ('dark-mode', 'initial', '2026-01-05 09:01:00+00'),
  ('maintenance-banner', 'initial', '2026-01-05 09:02:00+00'),
  ('beta-pricing', 'initial', '2026-01-05 09:03:00+00');
