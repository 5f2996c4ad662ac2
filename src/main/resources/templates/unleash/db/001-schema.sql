--
-- PostgreSQL database dump
--

\restrict iqO1iHS1Ft3vsjwu09dIb9tcqJ1QaTQX2NuQRXETPU9jpZVeYdf3bnoaedouTnM

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: assign_unleash_permission_to_role(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.assign_unleash_permission_to_role(permission_name text, role_name text) RETURNS void
    LANGUAGE plpgsql
    AS $$
declare
    var_role_id int;
    var_permission text;
BEGIN
    var_role_id := (SELECT r.id FROM roles r WHERE r.name = role_name);
    var_permission := (SELECT p.permission FROM permissions p WHERE p.permission = permission_name);

    IF NOT EXISTS (
        SELECT 1
        FROM role_permission AS rp
        WHERE rp.role_id = var_role_id AND rp.permission = var_permission
    ) THEN
        INSERT INTO role_permission(role_id, permission) VALUES (var_role_id, var_permission);
    END IF;
END
$$;


--
-- Name: assign_unleash_permission_to_role_for_all_environments(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.assign_unleash_permission_to_role_for_all_environments(permission_name text, role_name text) RETURNS void
    LANGUAGE plpgsql
    AS $$
declare
    var_role_id int;
    var_permission text;
BEGIN
    var_role_id := (SELECT id FROM roles r WHERE r.name = role_name);
    var_permission := (SELECT p.permission FROM permissions p WHERE p.permission = permission_name);

    INSERT INTO role_permission (role_id, permission, environment)
        SELECT var_role_id, var_permission, e.name
        FROM environments e
        WHERE NOT EXISTS (
            SELECT 1
            FROM role_permission rp
            WHERE rp.role_id = var_role_id
            AND rp.permission = var_permission
            AND rp.environment = e.name
        );
END;
$$;


--
-- Name: bucket_edge_heartbeat(timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.bucket_edge_heartbeat(ts timestamp with time zone) RETURNS timestamp with time zone
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
            SELECT to_timestamp(floor(extract(epoch FROM ts) / 300) * 300) AT TIME ZONE 'UTC';
          $$;


--
-- Name: date_floor_round(timestamp with time zone, interval); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.date_floor_round(base_date timestamp with time zone, round_interval interval) RETURNS timestamp with time zone
    LANGUAGE sql STABLE
    AS $_$
SELECT to_timestamp(
    (EXTRACT(epoch FROM $1)::integer / EXTRACT(epoch FROM $2)::integer)
    * EXTRACT(epoch FROM $2)::integer
)
$_$;


--
-- Name: set_users_updated_at(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.set_users_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
        BEGIN
            NEW.updated_at := now();
            RETURN NEW;
        END;
        $$;


--
-- Name: unleash_update_stat_environment_changes_counter(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.unleash_update_stat_environment_changes_counter() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
        BEGIN
            IF NEW.environment IS NOT NULL THEN
                INSERT INTO stat_environment_updates(day, environment, updates) SELECT DATE_TRUNC('Day', NEW.created_at), NEW.environment, 1 ON CONFLICT (day, environment) DO UPDATE SET updates = stat_environment_updates.updates + 1;
            END IF;

            return null;
        END;
    $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: action_set_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.action_set_events (
    id integer NOT NULL,
    action_set_id integer NOT NULL,
    signal_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    state text NOT NULL,
    signal jsonb NOT NULL,
    action_set jsonb NOT NULL
);


--
-- Name: action_set_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.action_set_events_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: action_set_events_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.action_set_events_id_seq OWNED BY public.action_set_events.id;


--
-- Name: action_sets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.action_sets (
    id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by_user_id integer,
    name character varying(255),
    project character varying(255) NOT NULL,
    actor_id integer,
    source character varying(255),
    source_id integer,
    payload jsonb DEFAULT '{}'::jsonb NOT NULL,
    enabled boolean DEFAULT true,
    description text
);


--
-- Name: action_sets_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.action_sets_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: action_sets_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.action_sets_id_seq OWNED BY public.action_sets.id;


--
-- Name: actions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.actions (
    id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by_user_id integer,
    action_set_id integer,
    sort_order integer,
    action character varying(255) NOT NULL,
    execution_params jsonb DEFAULT '{}'::jsonb NOT NULL
);


--
-- Name: actions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.actions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: actions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.actions_id_seq OWNED BY public.actions.id;


--
-- Name: addons; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.addons (
    id integer NOT NULL,
    provider text NOT NULL,
    description text,
    enabled boolean DEFAULT true,
    parameters json,
    events json,
    created_at timestamp with time zone DEFAULT now(),
    projects jsonb DEFAULT '[]'::jsonb,
    environments jsonb DEFAULT '[]'::jsonb
);


--
-- Name: addons_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.addons_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: addons_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.addons_id_seq OWNED BY public.addons.id;


--
-- Name: api_token_project; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_token_project (
    secret text NOT NULL,
    project text NOT NULL
);


--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens (
    secret text NOT NULL,
    username text NOT NULL,
    type text NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    expires_at timestamp with time zone,
    seen_at timestamp with time zone,
    environment character varying,
    alias text,
    token_name text,
    created_by_user_id integer
);


--
-- Name: api_tokens_v2; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens_v2 (
    selector text NOT NULL,
    verifier text NOT NULL,
    token_name text NOT NULL,
    type text NOT NULL,
    environment text NOT NULL,
    expires_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT (now() AT TIME ZONE 'utc'::text) NOT NULL,
    seen_at timestamp with time zone,
    user_created boolean DEFAULT true NOT NULL
);


--
-- Name: api_tokens_v2_project; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens_v2_project (
    selector text NOT NULL,
    project text NOT NULL
);


--
-- Name: banners; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.banners (
    id integer NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    message text NOT NULL,
    variant text,
    sticky boolean DEFAULT false,
    icon text,
    link text,
    link_text text,
    dialog_title text,
    dialog text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: cdn_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cdn_tokens (
    id text NOT NULL,
    token_name text NOT NULL,
    project text NOT NULL,
    environment text NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    expires_at timestamp with time zone,
    seen_at timestamp with time zone
);


--
-- Name: change_request_approvals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_request_approvals (
    id integer NOT NULL,
    change_request_id integer NOT NULL,
    created_by integer NOT NULL,
    created_at timestamp with time zone DEFAULT now()
);


--
-- Name: change_request_approvals_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.change_request_approvals_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: change_request_approvals_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.change_request_approvals_id_seq OWNED BY public.change_request_approvals.id;


--
-- Name: change_request_comments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_request_comments (
    id integer NOT NULL,
    change_request integer NOT NULL,
    text text NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    created_by integer NOT NULL
);


--
-- Name: change_request_comments_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.change_request_comments_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: change_request_comments_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.change_request_comments_id_seq OWNED BY public.change_request_comments.id;


--
-- Name: change_request_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_request_events (
    id integer NOT NULL,
    feature character varying(255),
    action character varying(255) NOT NULL,
    payload jsonb DEFAULT '[]'::jsonb NOT NULL,
    created_by integer NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    change_request_id integer NOT NULL
);


--
-- Name: change_request_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.change_request_events_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: change_request_events_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.change_request_events_id_seq OWNED BY public.change_request_events.id;


--
-- Name: change_request_rejections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_request_rejections (
    id integer NOT NULL,
    change_request_id integer NOT NULL,
    created_by integer NOT NULL,
    created_at timestamp with time zone DEFAULT now()
);


--
-- Name: change_request_rejections_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.change_request_rejections_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: change_request_rejections_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.change_request_rejections_id_seq OWNED BY public.change_request_rejections.id;


--
-- Name: change_request_requested_approvers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_request_requested_approvers (
    change_request_id integer NOT NULL,
    user_id integer NOT NULL,
    requested_at timestamp with time zone DEFAULT (now() AT TIME ZONE 'utc'::text),
    notified_at timestamp with time zone
);


--
-- Name: change_request_schedule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_request_schedule (
    change_request integer NOT NULL,
    scheduled_at timestamp without time zone NOT NULL,
    created_by integer,
    status text,
    failure_reason text,
    reason text
);


--
-- Name: change_request_settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_request_settings (
    project character varying(255) NOT NULL,
    environment character varying(100) NOT NULL,
    required_approvals integer DEFAULT 1
);


--
-- Name: change_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_requests (
    id integer NOT NULL,
    environment character varying(100),
    state character varying(255) NOT NULL,
    project character varying(255),
    created_by integer NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    min_approvals integer DEFAULT 1,
    title text
);


--
-- Name: change_requests_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.change_requests_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: change_requests_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.change_requests_id_seq OWNED BY public.change_requests.id;


--
-- Name: client_applications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.client_applications (
    app_name character varying(255) NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    updated_at timestamp with time zone DEFAULT now(),
    seen_at timestamp with time zone,
    strategies json,
    description character varying(255),
    icon character varying(255),
    url character varying(255),
    color character varying(255),
    announced boolean DEFAULT false,
    created_by text
);


--
-- Name: client_applications_usage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.client_applications_usage (
    app_name character varying(255) NOT NULL,
    project character varying(255) NOT NULL,
    environment character varying(100) NOT NULL
);


--
-- Name: client_instances; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.client_instances (
    app_name character varying(255) NOT NULL,
    instance_id character varying(255) NOT NULL,
    client_ip character varying(255),
    last_seen timestamp with time zone DEFAULT now(),
    created_at timestamp with time zone DEFAULT now(),
    sdk_version character varying(255),
    environment character varying(255) DEFAULT 'default'::character varying NOT NULL,
    sdk_type character varying(255)
);


--
-- Name: client_metrics_env; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.client_metrics_env (
    feature_name character varying(255) NOT NULL,
    app_name character varying(255) NOT NULL,
    environment character varying(100) NOT NULL,
    "timestamp" timestamp with time zone NOT NULL,
    yes bigint DEFAULT 0,
    no bigint DEFAULT 0
);


--
-- Name: client_metrics_env_daily; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.client_metrics_env_daily (
    feature_name character varying(255) NOT NULL,
    app_name character varying(255) NOT NULL,
    environment character varying(100) NOT NULL,
    date date NOT NULL,
    yes bigint DEFAULT 0,
    no bigint DEFAULT 0
);


--
-- Name: client_metrics_env_variants; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.client_metrics_env_variants (
    feature_name character varying(255) NOT NULL,
    app_name character varying(255) NOT NULL,
    environment character varying(100) NOT NULL,
    "timestamp" timestamp with time zone NOT NULL,
    variant text NOT NULL,
    count integer DEFAULT 0
);


--
-- Name: client_metrics_env_variants_daily; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.client_metrics_env_variants_daily (
    feature_name character varying(255) NOT NULL,
    app_name character varying(255) NOT NULL,
    environment character varying(100) NOT NULL,
    date date NOT NULL,
    variant text NOT NULL,
    count bigint DEFAULT 0
);


--
-- Name: connection_count_consumption; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.connection_count_consumption (
    day date NOT NULL,
    metered_group text NOT NULL,
    requests bigint DEFAULT 0 NOT NULL,
    connections double precision DEFAULT 0 NOT NULL,
    origin text DEFAULT 'sdk'::text NOT NULL
);


--
-- Name: context_fields; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.context_fields (
    name character varying(255) NOT NULL,
    description text,
    sort_order integer DEFAULT 10,
    legal_values json,
    created_at timestamp without time zone DEFAULT now(),
    updated_at timestamp without time zone DEFAULT now(),
    stickiness boolean DEFAULT false,
    project character varying(255)
);


--
-- Name: dependent_features; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dependent_features (
    parent character varying(255) NOT NULL,
    child character varying(255) NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    variants jsonb DEFAULT '[]'::jsonb NOT NULL
);


--
-- Name: edge_api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.edge_api_tokens (
    id text NOT NULL,
    client_id text NOT NULL,
    environment text NOT NULL,
    projects jsonb NOT NULL,
    scope_hash text NOT NULL,
    token_value text NOT NULL,
    created_at timestamp with time zone DEFAULT (now() AT TIME ZONE 'utc'::text) NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: edge_hmac_clients; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.edge_hmac_clients (
    id text NOT NULL,
    secret_enc bytea NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    created_at timestamp with time zone DEFAULT (now() AT TIME ZONE 'utc'::text) NOT NULL
);


--
-- Name: edge_hmac_nonces; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.edge_hmac_nonces (
    client_id text NOT NULL,
    nonce text NOT NULL,
    expires_at timestamp with time zone NOT NULL
);


--
-- Name: edge_node_presence; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.edge_node_presence (
    bucket_ts timestamp with time zone NOT NULL,
    node_ephem_id text NOT NULL
);


--
-- Name: emails_sent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.emails_sent (
    id character varying(255) NOT NULL,
    type character varying(255) NOT NULL,
    created_at timestamp without time zone DEFAULT now(),
    payload jsonb DEFAULT '{}'::jsonb NOT NULL
);


--
-- Name: environment_type_trends; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.environment_type_trends (
    id character varying(255) NOT NULL,
    environment_type character varying(255) NOT NULL,
    total_updates integer NOT NULL,
    created_at timestamp without time zone DEFAULT now()
);


--
-- Name: environments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.environments (
    name character varying(100) NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    sort_order integer DEFAULT 9999,
    type text NOT NULL,
    enabled boolean DEFAULT true,
    protected boolean DEFAULT false,
    required_approvals integer
);


--
-- Name: events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events (
    id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    type character varying(255) NOT NULL,
    created_by character varying(255) NOT NULL,
    data json,
    tags json DEFAULT '[]'::json,
    project text,
    environment text,
    feature_name text,
    pre_data jsonb,
    announced boolean DEFAULT false NOT NULL,
    created_by_user_id integer,
    ip text,
    group_type text,
    group_id text
);


--
-- Name: events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.events_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: events_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.events_id_seq OWNED BY public.events.id;


--
-- Name: favorite_features; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.favorite_features (
    feature character varying(255) NOT NULL,
    user_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: favorite_projects; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.favorite_projects (
    project character varying(255) NOT NULL,
    user_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: feature_environment_safeguards; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feature_environment_safeguards (
    id text NOT NULL,
    impact_metric_id text NOT NULL,
    trigger_condition jsonb NOT NULL,
    environment text NOT NULL,
    feature_name text NOT NULL
);


--
-- Name: feature_environments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feature_environments (
    environment character varying(100) DEFAULT 'default'::character varying NOT NULL,
    feature_name character varying(255) NOT NULL,
    enabled boolean NOT NULL,
    variants jsonb DEFAULT '[]'::jsonb NOT NULL,
    last_seen_at timestamp with time zone
);


--
-- Name: feature_lifecycles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feature_lifecycles (
    feature character varying(255) NOT NULL,
    stage character varying(255) NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    status text,
    status_value text
);


--
-- Name: feature_link; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feature_link (
    id text NOT NULL,
    feature_name character varying(255) NOT NULL,
    url text NOT NULL,
    title text,
    domain character varying(255)
);


--
-- Name: feature_strategies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feature_strategies (
    id text NOT NULL,
    feature_name character varying(255) NOT NULL,
    project_name character varying(255) NOT NULL,
    environment character varying(100) DEFAULT 'default'::character varying NOT NULL,
    strategy_name character varying(255) NOT NULL,
    parameters jsonb DEFAULT '{}'::jsonb NOT NULL,
    constraints jsonb DEFAULT '[]'::jsonb NOT NULL,
    sort_order integer DEFAULT 9999 NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    title text,
    disabled boolean DEFAULT false,
    variants jsonb DEFAULT '[]'::jsonb NOT NULL,
    created_by_user_id integer,
    milestone_id text
);


--
-- Name: feature_strategy_segment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feature_strategy_segment (
    feature_strategy_id text NOT NULL,
    segment_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: feature_tag; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feature_tag (
    feature_name character varying(255) NOT NULL,
    tag_type text NOT NULL,
    tag_value text NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    created_by_user_id integer
);


--
-- Name: feature_types; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feature_types (
    id character varying(255) NOT NULL,
    name character varying NOT NULL,
    description character varying,
    lifetime_days integer,
    created_at timestamp with time zone DEFAULT now(),
    created_by_user_id integer
);


--
-- Name: features; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.features (
    created_at timestamp with time zone DEFAULT now(),
    name character varying(255) NOT NULL,
    description text,
    variants json DEFAULT '[]'::json,
    type character varying DEFAULT 'release'::character varying,
    stale boolean DEFAULT false,
    project character varying DEFAULT 'default'::character varying,
    last_seen_at timestamp with time zone,
    impression_data boolean DEFAULT false,
    archived_at timestamp with time zone,
    potentially_stale boolean DEFAULT false NOT NULL,
    created_by_user_id integer,
    archived boolean DEFAULT false
);


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id integer NOT NULL,
    name character varying(255),
    username character varying(255),
    email character varying(255),
    image_url text,
    password_hash character varying(255),
    login_attempts integer DEFAULT 0,
    created_at timestamp without time zone DEFAULT now(),
    seen_at timestamp without time zone,
    settings json,
    permissions json DEFAULT '[]'::json,
    deleted_at timestamp with time zone,
    is_service boolean DEFAULT false,
    created_by_user_id integer,
    is_system boolean DEFAULT false NOT NULL,
    scim_id text,
    scim_external_id text,
    first_seen_at timestamp without time zone,
    email_hash text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    seat_type text,
    company_role text,
    product_updates_email_consent boolean
);


--
-- Name: features_view; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.features_view AS
 SELECT features.name,
    features.description,
    features.type,
    features.project,
    features.stale,
    features.impression_data,
    features.created_at,
    features.archived_at,
    features.last_seen_at,
    feature_environments.last_seen_at AS env_last_seen_at,
    feature_environments.enabled,
    feature_environments.environment,
    feature_environments.variants,
    environments.name AS environment_name,
    environments.type AS environment_type,
    environments.sort_order AS environment_sort_order,
    feature_strategies.id AS strategy_id,
    feature_strategies.strategy_name,
    feature_strategies.parameters,
    feature_strategies.constraints,
    feature_strategies.sort_order,
    fss.segment_id AS segments,
    feature_strategies.title AS strategy_title,
    feature_strategies.disabled AS strategy_disabled,
    feature_strategies.variants AS strategy_variants,
    users.id AS user_id,
    users.name AS user_name,
    users.username AS user_username,
    users.email AS user_email
   FROM (((((public.features
     LEFT JOIN public.feature_environments ON (((feature_environments.feature_name)::text = (features.name)::text)))
     LEFT JOIN ( SELECT feature_strategies_1.id,
            feature_strategies_1.feature_name,
            feature_strategies_1.project_name,
            feature_strategies_1.environment,
            feature_strategies_1.strategy_name,
            feature_strategies_1.parameters,
            feature_strategies_1.constraints,
            feature_strategies_1.sort_order,
            feature_strategies_1.created_at,
            feature_strategies_1.title,
            feature_strategies_1.disabled,
            feature_strategies_1.variants,
            feature_strategies_1.created_by_user_id,
            feature_strategies_1.milestone_id
           FROM public.feature_strategies feature_strategies_1
          WHERE (feature_strategies_1.milestone_id IS NULL)) feature_strategies ON ((((feature_strategies.feature_name)::text = (feature_environments.feature_name)::text) AND ((feature_strategies.environment)::text = (feature_environments.environment)::text))))
     LEFT JOIN public.environments ON (((feature_environments.environment)::text = (environments.name)::text)))
     LEFT JOIN public.feature_strategy_segment fss ON ((fss.feature_strategy_id = feature_strategies.id)))
     LEFT JOIN public.users ON ((users.id = features.created_by_user_id)));


--
-- Name: feedback; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feedback (
    id integer NOT NULL,
    category text NOT NULL,
    user_type text,
    difficulty_score integer,
    positive text,
    areas_for_improvement text,
    created_at timestamp with time zone DEFAULT now()
);


--
-- Name: feedback_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.feedback_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: feedback_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.feedback_id_seq OWNED BY public.feedback.id;


--
-- Name: flag_trends; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flag_trends (
    id character varying(255) NOT NULL,
    project character varying(255) NOT NULL,
    total_flags integer NOT NULL,
    stale_flags integer NOT NULL,
    potentially_stale_flags integer NOT NULL,
    created_at timestamp without time zone DEFAULT now(),
    health integer DEFAULT 100,
    time_to_production double precision DEFAULT 0,
    users integer DEFAULT 0,
    total_yes bigint,
    total_no bigint,
    total_apps integer,
    total_environments integer
);


--
-- Name: group_role; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.group_role (
    group_id integer NOT NULL,
    role_id integer NOT NULL,
    created_by text,
    created_at timestamp with time zone DEFAULT now(),
    project text NOT NULL
);


--
-- Name: group_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.group_user (
    group_id integer NOT NULL,
    user_id integer NOT NULL,
    created_by text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: groups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.groups (
    id integer NOT NULL,
    name text NOT NULL,
    description text,
    created_by text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    mappings_sso jsonb DEFAULT '[]'::jsonb,
    root_role_id integer,
    scim_id text,
    scim_external_id text
);


--
-- Name: groups_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.groups_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: groups_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.groups_id_seq OWNED BY public.groups.id;


--
-- Name: impact_metrics; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.impact_metrics (
    id text NOT NULL,
    feature character varying(255),
    config jsonb NOT NULL
);


--
-- Name: signal_endpoint_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.signal_endpoint_tokens (
    id integer NOT NULL,
    token text NOT NULL,
    name text NOT NULL,
    signal_endpoint_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by_user_id integer
);


--
-- Name: incoming_webhook_tokens_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.incoming_webhook_tokens_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: incoming_webhook_tokens_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.incoming_webhook_tokens_id_seq OWNED BY public.signal_endpoint_tokens.id;


--
-- Name: signal_endpoints; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.signal_endpoints (
    id integer NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by_user_id integer,
    description text
);


--
-- Name: incoming_webhooks_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.incoming_webhooks_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: incoming_webhooks_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.incoming_webhooks_id_seq OWNED BY public.signal_endpoints.id;


--
-- Name: integration_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.integration_events (
    id bigint NOT NULL,
    integration_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    state text NOT NULL,
    state_details text NOT NULL,
    event jsonb NOT NULL,
    details jsonb NOT NULL
);


--
-- Name: integration_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.integration_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: integration_events_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.integration_events_id_seq OWNED BY public.integration_events.id;


--
-- Name: jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.jobs (
    name text NOT NULL,
    bucket timestamp with time zone NOT NULL,
    stage text NOT NULL,
    finished_at timestamp with time zone,
    lease_expires_at timestamp with time zone,
    attempt_count integer DEFAULT 0 NOT NULL
);


--
-- Name: last_seen_at_metrics; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.last_seen_at_metrics (
    feature_name character varying(255) NOT NULL,
    environment character varying(100) NOT NULL,
    last_seen_at timestamp with time zone NOT NULL
);


--
-- Name: licensed_users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.licensed_users (
    count integer,
    date date NOT NULL
);


--
-- Name: lifecycle_trends; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lifecycle_trends (
    id text NOT NULL,
    stage text NOT NULL,
    flag_type text NOT NULL,
    project character varying(255) NOT NULL,
    flags_older_than_week integer DEFAULT 0,
    new_flags_this_week integer DEFAULT 0,
    created_at timestamp without time zone DEFAULT now(),
    CONSTRAINT lifecycle_trends_stage_check CHECK ((stage = ANY (ARRAY['initial'::text, 'pre-live'::text, 'live'::text, 'completed'::text, 'archived'::text])))
);


--
-- Name: login_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.login_history (
    id integer NOT NULL,
    username text NOT NULL,
    auth_type text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    successful boolean NOT NULL,
    ip inet,
    failure_reason text,
    type text DEFAULT 'login'::text NOT NULL,
    user_agent text
);


--
-- Name: login_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.login_events_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: login_events_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.login_events_id_seq OWNED BY public.login_history.id;


--
-- Name: message_banners_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.message_banners_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: message_banners_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.message_banners_id_seq OWNED BY public.banners.id;


--
-- Name: migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.migrations (
    id integer NOT NULL,
    name character varying(255) NOT NULL,
    run_on timestamp without time zone NOT NULL
);


--
-- Name: migrations_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.migrations_id_seq OWNED BY public.migrations.id;


--
-- Name: milestone_progressions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.milestone_progressions (
    source_milestone text NOT NULL,
    target_milestone text NOT NULL,
    transition_condition jsonb NOT NULL,
    executed_at timestamp with time zone,
    paused_at timestamp with time zone
);


--
-- Name: milestone_strategies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.milestone_strategies (
    id text NOT NULL,
    milestone_id text NOT NULL,
    sort_order integer NOT NULL,
    title text,
    strategy_name text NOT NULL,
    parameters jsonb DEFAULT '{}'::jsonb NOT NULL,
    constraints jsonb,
    variants jsonb DEFAULT '[]'::jsonb NOT NULL,
    disabled boolean DEFAULT false
);


--
-- Name: milestone_strategy_segments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.milestone_strategy_segments (
    segment_id integer NOT NULL,
    milestone_strategy_id text NOT NULL,
    created_at timestamp with time zone DEFAULT (now() AT TIME ZONE 'utc'::text) NOT NULL
);


--
-- Name: milestones; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.milestones (
    id text NOT NULL,
    name text NOT NULL,
    sort_order integer NOT NULL,
    release_plan_definition_id text NOT NULL,
    started_at timestamp with time zone
);


--
-- Name: notifications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications (
    id integer NOT NULL,
    event_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: notifications_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.notifications_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: notifications_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.notifications_id_seq OWNED BY public.notifications.id;


--
-- Name: signals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.signals (
    id integer NOT NULL,
    payload jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    source text NOT NULL,
    source_id integer NOT NULL,
    created_by_source_token_id integer,
    announced boolean DEFAULT false NOT NULL
);


--
-- Name: observable_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.observable_events_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: observable_events_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.observable_events_id_seq OWNED BY public.signals.id;


--
-- Name: onboarding_events_instance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.onboarding_events_instance (
    event character varying(255) NOT NULL,
    time_to_event integer NOT NULL
);


--
-- Name: onboarding_events_project; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.onboarding_events_project (
    event character varying(255) NOT NULL,
    time_to_event integer NOT NULL,
    project character varying(255) NOT NULL
);


--
-- Name: permissions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.permissions (
    id integer NOT NULL,
    permission character varying(255) NOT NULL,
    display_name text,
    type character varying(255),
    created_at timestamp with time zone DEFAULT now()
);


--
-- Name: permissions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.permissions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: permissions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.permissions_id_seq OWNED BY public.permissions.id;


--
-- Name: personal_access_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personal_access_tokens (
    secret text,
    description text,
    user_id integer NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    seen_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    id integer NOT NULL,
    selector text,
    verifier text,
    CONSTRAINT personal_access_tokens_credential_shape CHECK ((((secret IS NOT NULL) AND (selector IS NULL) AND (verifier IS NULL)) OR ((secret IS NULL) AND (selector IS NOT NULL) AND (verifier IS NOT NULL))))
);


--
-- Name: personal_access_tokens_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.personal_access_tokens_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: personal_access_tokens_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.personal_access_tokens_id_seq OWNED BY public.personal_access_tokens.id;


--
-- Name: project_client_metrics_trends; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.project_client_metrics_trends (
    project character varying NOT NULL,
    date date NOT NULL,
    total_yes integer NOT NULL,
    total_no integer NOT NULL,
    total_apps integer NOT NULL,
    total_flags integer NOT NULL,
    total_environments integer NOT NULL
);


--
-- Name: project_environments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.project_environments (
    project_id character varying(255) NOT NULL,
    environment_name character varying(100) NOT NULL,
    default_strategy jsonb
);


--
-- Name: project_settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.project_settings (
    project character varying(255) NOT NULL,
    default_stickiness character varying(100),
    project_mode character varying(100) DEFAULT 'open'::character varying NOT NULL,
    feature_limit integer,
    feature_naming_pattern text,
    feature_naming_example text,
    feature_naming_description text,
    link_templates jsonb DEFAULT '[]'::jsonb,
    CONSTRAINT project_settings_project_mode_values CHECK (((project_mode)::text = ANY ((ARRAY['open'::character varying, 'protected'::character varying, 'private'::character varying])::text[])))
);


--
-- Name: project_stats; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.project_stats (
    project character varying(255) NOT NULL,
    avg_time_to_prod_current_window double precision DEFAULT 0,
    project_changes_current_window integer DEFAULT 0,
    project_changes_past_window integer DEFAULT 0,
    features_created_current_window integer DEFAULT 0,
    features_created_past_window integer DEFAULT 0,
    features_archived_current_window integer DEFAULT 0,
    features_archived_past_window integer DEFAULT 0,
    project_members_added_current_window integer DEFAULT 0
);


--
-- Name: projects; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.projects (
    id character varying(255) NOT NULL,
    name character varying NOT NULL,
    description character varying,
    created_at timestamp without time zone DEFAULT now(),
    health integer DEFAULT 100,
    updated_at timestamp with time zone DEFAULT now(),
    archived_at timestamp with time zone
);


--
-- Name: public_signup_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.public_signup_tokens (
    secret text NOT NULL,
    name text,
    expires_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by text,
    role_id integer NOT NULL,
    url text,
    enabled boolean DEFAULT true
);


--
-- Name: public_signup_tokens_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.public_signup_tokens_user (
    secret text NOT NULL,
    user_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: release_plan_definitions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.release_plan_definitions (
    id text NOT NULL,
    discriminator text NOT NULL,
    name text NOT NULL,
    description text,
    feature_name text,
    environment text,
    created_by_user_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT (now() AT TIME ZONE 'utc'::text) NOT NULL,
    active_milestone_id text,
    release_plan_template_id text,
    archived_at timestamp with time zone,
    project character varying(255),
    CONSTRAINT release_plan_definitions_discriminator_values CHECK ((discriminator = ANY (ARRAY['plan'::text, 'template'::text])))
);


--
-- Name: release_plan_safeguards; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.release_plan_safeguards (
    id text NOT NULL,
    impact_metric_id text NOT NULL,
    trigger_condition jsonb NOT NULL,
    release_plan_id text NOT NULL,
    environment text NOT NULL,
    feature_name text NOT NULL
);


--
-- Name: request_count_consumption; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.request_count_consumption (
    day date NOT NULL,
    metered_group text NOT NULL,
    requests bigint DEFAULT 0 NOT NULL,
    origin text DEFAULT 'sdk'::text NOT NULL
);


--
-- Name: reset_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reset_tokens (
    reset_token text NOT NULL,
    user_id integer,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now(),
    created_by text
);


--
-- Name: role_permission; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.role_permission (
    role_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    environment character varying(100),
    permission text,
    created_by_user_id integer,
    id integer NOT NULL
);


--
-- Name: role_permission_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.role_permission_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: role_permission_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.role_permission_id_seq OWNED BY public.role_permission.id;


--
-- Name: role_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.role_user (
    role_id integer NOT NULL,
    user_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    project character varying(255) NOT NULL,
    created_by_user_id integer
);


--
-- Name: roles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.roles (
    id integer NOT NULL,
    name text NOT NULL,
    description text,
    type text DEFAULT 'custom'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    updated_at timestamp with time zone,
    created_by_user_id integer
);


--
-- Name: roles_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.roles_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: roles_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.roles_id_seq OWNED BY public.roles.id;


--
-- Name: safeguards; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.safeguards (
    id text NOT NULL,
    impact_metric_id text NOT NULL,
    action jsonb NOT NULL,
    trigger_condition jsonb NOT NULL
);


--
-- Name: segments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.segments (
    id integer NOT NULL,
    name text NOT NULL,
    description text,
    created_by text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    constraints jsonb DEFAULT '[]'::jsonb NOT NULL,
    segment_project_id character varying(255)
);


--
-- Name: segments_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.segments_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: segments_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.segments_id_seq OWNED BY public.segments.id;


--
-- Name: servicenow_change_references; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.servicenow_change_references (
    change_request_id integer NOT NULL,
    integration_id integer NOT NULL,
    sys_id text,
    created_at timestamp with time zone DEFAULT (now() AT TIME ZONE 'utc'::text) NOT NULL
);


--
-- Name: settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.settings (
    name character varying(255) NOT NULL,
    content json
);


--
-- Name: stat_edge_observability; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stat_edge_observability (
    instance_id text NOT NULL,
    reported_at timestamp with time zone NOT NULL,
    app_name text,
    started timestamp with time zone NOT NULL,
    edge_version text NOT NULL,
    region text,
    cpu_usage numeric DEFAULT 0.0,
    memory_usage bigint DEFAULT 0,
    connected_streaming_clients integer DEFAULT 0 NOT NULL,
    connected_via text,
    client_features_average_latency_ms numeric DEFAULT 0.0,
    client_features_p99_latency_ms numeric DEFAULT 0.0,
    frontend_api_average_latency_ms numeric DEFAULT 0.0,
    frontend_api_p99_latency_ms numeric DEFAULT 0.0,
    upstream_features_average_latency_ms numeric DEFAULT 0.0,
    upstream_features_p99_latency_ms numeric DEFAULT 0.0,
    upstream_metrics_average_latency_ms numeric DEFAULT 0.0,
    upstream_metrics_p99_latency_ms numeric DEFAULT 0.0,
    upstream_edge_average_latency_ms numeric DEFAULT 0.0,
    upstream_edge_p99_latency_ms numeric DEFAULT 0.0,
    hosting text,
    api_key_revision_ids jsonb
);


--
-- Name: stat_edge_traffic_usage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stat_edge_traffic_usage (
    instance_id text NOT NULL,
    day date NOT NULL,
    traffic_group text NOT NULL,
    count bigint DEFAULT 0 NOT NULL,
    status_code integer DEFAULT 200 NOT NULL
);


--
-- Name: stat_environment_updates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stat_environment_updates (
    day date NOT NULL,
    environment text NOT NULL,
    updates bigint DEFAULT 0 NOT NULL
);


--
-- Name: stat_traffic_usage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stat_traffic_usage (
    day date NOT NULL,
    traffic_group text NOT NULL,
    status_code_series integer NOT NULL,
    count bigint DEFAULT 0 NOT NULL
);


--
-- Name: strategies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.strategies (
    created_at timestamp with time zone DEFAULT now(),
    name character varying(255) NOT NULL,
    description text,
    parameters json,
    built_in integer DEFAULT 0,
    deprecated boolean DEFAULT false,
    sort_order integer DEFAULT 9999,
    display_name text,
    title text
);


--
-- Name: tag_types; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tag_types (
    name text NOT NULL,
    description text,
    icon text,
    created_at timestamp with time zone DEFAULT now(),
    color character varying(10)
);


--
-- Name: tags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tags (
    type text NOT NULL,
    value text NOT NULL,
    created_at timestamp with time zone DEFAULT now()
);


--
-- Name: unique_connections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.unique_connections (
    id character varying(255) NOT NULL,
    updated_at timestamp without time zone DEFAULT now(),
    hll bytea NOT NULL
);


--
-- Name: unknown_flags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.unknown_flags (
    name text NOT NULL,
    app_name text NOT NULL,
    seen_at timestamp with time zone DEFAULT now() NOT NULL,
    environment text DEFAULT 'default'::text NOT NULL
);


--
-- Name: unleash_session; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.unleash_session (
    sid character varying NOT NULL,
    sess json NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    expired timestamp with time zone NOT NULL
);


--
-- Name: used_passwords; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.used_passwords (
    user_id integer NOT NULL,
    password_hash text NOT NULL,
    used_at timestamp with time zone DEFAULT (now() AT TIME ZONE 'utc'::text)
);


--
-- Name: user_access_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_access_requests (
    id text NOT NULL,
    email text NOT NULL,
    requested_at timestamp with time zone DEFAULT (now() AT TIME ZONE 'utc'::text) NOT NULL
);


--
-- Name: user_feedback; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_feedback (
    user_id integer NOT NULL,
    feedback_id text NOT NULL,
    given timestamp with time zone,
    nevershow boolean DEFAULT false NOT NULL
);


--
-- Name: user_notifications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_notifications (
    notification_id integer NOT NULL,
    user_id integer NOT NULL,
    read_at timestamp with time zone
);


--
-- Name: user_splash; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_splash (
    user_id integer NOT NULL,
    splash_id text NOT NULL,
    seen boolean DEFAULT false NOT NULL
);


--
-- Name: user_trends; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_trends (
    id character varying(255) NOT NULL,
    total_users integer NOT NULL,
    active_users integer NOT NULL,
    created_at timestamp without time zone DEFAULT now()
);


--
-- Name: user_unsubscription; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_unsubscription (
    user_id integer NOT NULL,
    subscription character varying(255) NOT NULL,
    created_at timestamp without time zone DEFAULT now()
);


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.users_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: users_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;


--
-- Name: action_set_events id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.action_set_events ALTER COLUMN id SET DEFAULT nextval('public.action_set_events_id_seq'::regclass);


--
-- Name: action_sets id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.action_sets ALTER COLUMN id SET DEFAULT nextval('public.action_sets_id_seq'::regclass);


--
-- Name: actions id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.actions ALTER COLUMN id SET DEFAULT nextval('public.actions_id_seq'::regclass);


--
-- Name: addons id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.addons ALTER COLUMN id SET DEFAULT nextval('public.addons_id_seq'::regclass);


--
-- Name: banners id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banners ALTER COLUMN id SET DEFAULT nextval('public.message_banners_id_seq'::regclass);


--
-- Name: change_request_approvals id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_approvals ALTER COLUMN id SET DEFAULT nextval('public.change_request_approvals_id_seq'::regclass);


--
-- Name: change_request_comments id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_comments ALTER COLUMN id SET DEFAULT nextval('public.change_request_comments_id_seq'::regclass);


--
-- Name: change_request_events id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_events ALTER COLUMN id SET DEFAULT nextval('public.change_request_events_id_seq'::regclass);


--
-- Name: change_request_rejections id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_rejections ALTER COLUMN id SET DEFAULT nextval('public.change_request_rejections_id_seq'::regclass);


--
-- Name: change_requests id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_requests ALTER COLUMN id SET DEFAULT nextval('public.change_requests_id_seq'::regclass);


--
-- Name: events id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ALTER COLUMN id SET DEFAULT nextval('public.events_id_seq'::regclass);


--
-- Name: feedback id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback ALTER COLUMN id SET DEFAULT nextval('public.feedback_id_seq'::regclass);


--
-- Name: groups id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.groups ALTER COLUMN id SET DEFAULT nextval('public.groups_id_seq'::regclass);


--
-- Name: integration_events id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.integration_events ALTER COLUMN id SET DEFAULT nextval('public.integration_events_id_seq'::regclass);


--
-- Name: login_history id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_history ALTER COLUMN id SET DEFAULT nextval('public.login_events_id_seq'::regclass);


--
-- Name: migrations id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.migrations ALTER COLUMN id SET DEFAULT nextval('public.migrations_id_seq'::regclass);


--
-- Name: notifications id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications ALTER COLUMN id SET DEFAULT nextval('public.notifications_id_seq'::regclass);


--
-- Name: permissions id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permissions ALTER COLUMN id SET DEFAULT nextval('public.permissions_id_seq'::regclass);


--
-- Name: personal_access_tokens id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_access_tokens ALTER COLUMN id SET DEFAULT nextval('public.personal_access_tokens_id_seq'::regclass);


--
-- Name: role_permission id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_permission ALTER COLUMN id SET DEFAULT nextval('public.role_permission_id_seq'::regclass);


--
-- Name: roles id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.roles ALTER COLUMN id SET DEFAULT nextval('public.roles_id_seq'::regclass);


--
-- Name: segments id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segments ALTER COLUMN id SET DEFAULT nextval('public.segments_id_seq'::regclass);


--
-- Name: signal_endpoint_tokens id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.signal_endpoint_tokens ALTER COLUMN id SET DEFAULT nextval('public.incoming_webhook_tokens_id_seq'::regclass);


--
-- Name: signal_endpoints id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.signal_endpoints ALTER COLUMN id SET DEFAULT nextval('public.incoming_webhooks_id_seq'::regclass);


--
-- Name: signals id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.signals ALTER COLUMN id SET DEFAULT nextval('public.observable_events_id_seq'::regclass);


--
-- Name: users id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);


--
-- Data for Name: action_set_events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.action_set_events (id, action_set_id, signal_id, created_at, state, signal, action_set) FROM stdin;
\.


--
-- Data for Name: action_sets; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.action_sets (id, created_at, created_by_user_id, name, project, actor_id, source, source_id, payload, enabled, description) FROM stdin;
\.


--
-- Data for Name: actions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.actions (id, created_at, created_by_user_id, action_set_id, sort_order, action, execution_params) FROM stdin;
\.


--
-- Data for Name: addons; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.addons (id, provider, description, enabled, parameters, events, created_at, projects, environments) FROM stdin;
\.


--
-- Data for Name: api_token_project; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.api_token_project (secret, project) FROM stdin;
\.


--
-- Data for Name: api_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.api_tokens (secret, username, type, created_at, expires_at, seen_at, environment, alias, token_name, created_by_user_id) FROM stdin;
\.


--
-- Data for Name: api_tokens_v2; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.api_tokens_v2 (selector, verifier, token_name, type, environment, expires_at, created_at, seen_at, user_created) FROM stdin;
\.


--
-- Data for Name: api_tokens_v2_project; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.api_tokens_v2_project (selector, project) FROM stdin;
\.


--
-- Data for Name: banners; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.banners (id, enabled, message, variant, sticky, icon, link, link_text, dialog_title, dialog, created_at) FROM stdin;
\.


--
-- Data for Name: cdn_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.cdn_tokens (id, token_name, project, environment, created_at, expires_at, seen_at) FROM stdin;
\.


--
-- Data for Name: change_request_approvals; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.change_request_approvals (id, change_request_id, created_by, created_at) FROM stdin;
\.


--
-- Data for Name: change_request_comments; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.change_request_comments (id, change_request, text, created_at, created_by) FROM stdin;
\.


--
-- Data for Name: change_request_events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.change_request_events (id, feature, action, payload, created_by, created_at, change_request_id) FROM stdin;
\.


--
-- Data for Name: change_request_rejections; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.change_request_rejections (id, change_request_id, created_by, created_at) FROM stdin;
\.


--
-- Data for Name: change_request_requested_approvers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.change_request_requested_approvers (change_request_id, user_id, requested_at, notified_at) FROM stdin;
\.


--
-- Data for Name: change_request_schedule; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.change_request_schedule (change_request, scheduled_at, created_by, status, failure_reason, reason) FROM stdin;
\.


--
-- Data for Name: change_request_settings; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.change_request_settings (project, environment, required_approvals) FROM stdin;
\.


--
-- Data for Name: change_requests; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.change_requests (id, environment, state, project, created_by, created_at, min_approvals, title) FROM stdin;
\.


--
-- Data for Name: client_applications; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.client_applications (app_name, created_at, updated_at, seen_at, strategies, description, icon, url, color, announced, created_by) FROM stdin;
\.


--
-- Data for Name: client_applications_usage; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.client_applications_usage (app_name, project, environment) FROM stdin;
\.


--
-- Data for Name: client_instances; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.client_instances (app_name, instance_id, client_ip, last_seen, created_at, sdk_version, environment, sdk_type) FROM stdin;
\.


--
-- Data for Name: client_metrics_env; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.client_metrics_env (feature_name, app_name, environment, "timestamp", yes, no) FROM stdin;
\.


--
-- Data for Name: client_metrics_env_daily; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.client_metrics_env_daily (feature_name, app_name, environment, date, yes, no) FROM stdin;
\.


--
-- Data for Name: client_metrics_env_variants; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.client_metrics_env_variants (feature_name, app_name, environment, "timestamp", variant, count) FROM stdin;
\.


--
-- Data for Name: client_metrics_env_variants_daily; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.client_metrics_env_variants_daily (feature_name, app_name, environment, date, variant, count) FROM stdin;
\.


--
-- Data for Name: connection_count_consumption; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.connection_count_consumption (day, metered_group, requests, connections, origin) FROM stdin;
\.


--
-- Data for Name: context_fields; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.context_fields (name, description, sort_order, legal_values, created_at, updated_at, stickiness, project) FROM stdin;
environment	Allows you to constrain on application environment	0	\N	2026-12-01 19:05:25.579297	2026-12-01 19:05:25.579297	f	\N
userId	Allows you to constrain on userId	1	\N	2026-12-01 19:05:25.579297	2026-12-01 19:05:25.579297	f	\N
appName	Allows you to constrain on application name	2	\N	2026-12-01 19:05:25.579297	2026-12-01 19:05:25.579297	f	\N
currentTime	Allows you to constrain on date values	3	\N	2026-12-01 19:05:26.987801	2026-12-01 19:05:26.987801	f	\N
sessionId	Allows you to constrain on sessionId	4	\N	2026-12-01 19:05:28.024909	2026-12-01 19:05:28.024909	t	\N
\.


--
-- Data for Name: dependent_features; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.dependent_features (parent, child, enabled, variants) FROM stdin;
\.


--
-- Data for Name: edge_api_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.edge_api_tokens (id, client_id, environment, projects, scope_hash, token_value, created_at, revoked_at) FROM stdin;
\.


--
-- Data for Name: edge_hmac_clients; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.edge_hmac_clients (id, secret_enc, status, created_at) FROM stdin;
\.


--
-- Data for Name: edge_hmac_nonces; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.edge_hmac_nonces (client_id, nonce, expires_at) FROM stdin;
\.


--
-- Data for Name: edge_node_presence; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.edge_node_presence (bucket_ts, node_ephem_id) FROM stdin;
\.


--
-- Data for Name: emails_sent; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.emails_sent (id, type, created_at, payload) FROM stdin;
\.


--
-- Data for Name: environment_type_trends; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.environment_type_trends (id, environment_type, total_updates, created_at) FROM stdin;
\.


--
-- Data for Name: environments; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.environments (name, created_at, sort_order, type, enabled, protected, required_approvals) FROM stdin;
development	2026-12-01 19:05:26.735203+00	2	development	t	f	\N
production	2026-12-01 19:05:26.735203+00	3	production	t	f	\N
\.


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.events (id, created_at, type, created_by, data, tags, project, environment, feature_name, pre_data, announced, created_by_user_id, ip, group_type, group_id) FROM stdin;
1	2026-12-01 19:05:25.035103+00	strategy-created	migration	{"name":"default","description":"Default on or off Strategy."}	[]	\N	\N	\N	\N	t	\N	\N	\N	\N
2	2026-12-01 19:05:25.510631+00	strategy-created	migration	{"name":"applicationHostname","description":"Active for client instances with a hostName in the hostNames-list.","parameters":[{"name":"hostNames","type":"list","description":"List of hostnames to enable the feature toggle for.","required":false}]}	[]	\N	\N	\N	\N	t	\N	\N	\N	\N
3	2026-12-01 19:05:25.510631+00	strategy-created	migration	{"name":"remoteAddress","description":"Active for remote addresses defined in the IPs list.","parameters":[{"name":"IPs","type":"list","description":"List of IPs to enable the feature toggle for.","required":true}]}	[]	\N	\N	\N	\N	t	\N	\N	\N	\N
4	2026-12-01 19:05:25.570917+00	strategy-created	migration	{"name":"flexibleRollout","description":"Gradually activate feature toggle based on sane stickiness","parameters":[{"name":"rollout","type":"percentage","description":"","required":false},{"name":"stickiness","type":"string","description":"Used define stickiness. Possible values: default, userId, sessionId, random","required":true},{"name":"groupId","type":"string","description":"Used to define a activation groups, which allows you to correlate across feature toggles.","required":true}]}	[]	\N	\N	\N	\N	t	\N	\N	\N	\N
\.


--
-- Data for Name: favorite_features; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.favorite_features (feature, user_id, created_at) FROM stdin;
\.


--
-- Data for Name: favorite_projects; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.favorite_projects (project, user_id, created_at) FROM stdin;
\.


--
-- Data for Name: feature_environment_safeguards; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feature_environment_safeguards (id, impact_metric_id, trigger_condition, environment, feature_name) FROM stdin;
\.


--
-- Data for Name: feature_environments; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feature_environments (environment, feature_name, enabled, variants, last_seen_at) FROM stdin;
\.


--
-- Data for Name: feature_lifecycles; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feature_lifecycles (feature, stage, created_at, status, status_value) FROM stdin;
\.


--
-- Data for Name: feature_link; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feature_link (id, feature_name, url, title, domain) FROM stdin;
\.


--
-- Data for Name: feature_strategies; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feature_strategies (id, feature_name, project_name, environment, strategy_name, parameters, constraints, sort_order, created_at, title, disabled, variants, created_by_user_id, milestone_id) FROM stdin;
\.


--
-- Data for Name: feature_strategy_segment; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feature_strategy_segment (feature_strategy_id, segment_id, created_at) FROM stdin;
\.


--
-- Data for Name: feature_tag; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feature_tag (feature_name, tag_type, tag_value, created_at, created_by_user_id) FROM stdin;
\.


--
-- Data for Name: feature_types; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feature_types (id, name, description, lifetime_days, created_at, created_by_user_id) FROM stdin;
release	Release	Roll out new or incomplete features. Expected lifetime ~40 days	40	2026-12-01 19:05:25.706736+00	\N
experiment	Experiment	A/B and multivariate testing. Expected lifetime ~40 days	40	2026-12-01 19:05:25.706736+00	\N
operational	Operational	Transition between technical implementations with minimal risk. Expected lifetime: ~7 days	7	2026-12-01 19:05:25.706736+00	\N
kill-switch	Kill switch	Quickly disable certain functionalities or features. Expected lifetime: permanent	\N	2026-12-01 19:05:25.706736+00	\N
permission	Permission	Control feature access based on user roles or entitlements. Expected lifetime: permanent	\N	2026-12-01 19:05:25.706736+00	\N
sunset	Sunset	Coordinate the planned removal of an existing feature. Expected lifetime: ~90 days	90	2026-12-01 19:05:32.286318+00	\N
\.


--
-- Data for Name: features; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.features (created_at, name, description, variants, type, stale, project, last_seen_at, impression_data, archived_at, potentially_stale, created_by_user_id, archived) FROM stdin;
\.


--
-- Data for Name: feedback; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feedback (id, category, user_type, difficulty_score, positive, areas_for_improvement, created_at) FROM stdin;
\.


--
-- Data for Name: flag_trends; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.flag_trends (id, project, total_flags, stale_flags, potentially_stale_flags, created_at, health, time_to_production, users, total_yes, total_no, total_apps, total_environments) FROM stdin;
\.


--
-- Data for Name: group_role; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.group_role (group_id, role_id, created_by, created_at, project) FROM stdin;
\.


--
-- Data for Name: group_user; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.group_user (group_id, user_id, created_by, created_at) FROM stdin;
\.


--
-- Data for Name: groups; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.groups (id, name, description, created_by, created_at, mappings_sso, root_role_id, scim_id, scim_external_id) FROM stdin;
\.


--
-- Data for Name: impact_metrics; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.impact_metrics (id, feature, config) FROM stdin;
\.


--
-- Data for Name: integration_events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.integration_events (id, integration_id, created_at, state, state_details, event, details) FROM stdin;
\.


--
-- Data for Name: jobs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.jobs (name, bucket, stage, finished_at, lease_expires_at, attempt_count) FROM stdin;
\.


--
-- Data for Name: last_seen_at_metrics; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.last_seen_at_metrics (feature_name, environment, last_seen_at) FROM stdin;
\.


--
-- Data for Name: licensed_users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.licensed_users (count, date) FROM stdin;
\.


--
-- Data for Name: lifecycle_trends; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.lifecycle_trends (id, stage, flag_type, project, flags_older_than_week, new_flags_this_week, created_at) FROM stdin;
\.


--
-- Data for Name: login_history; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.login_history (id, username, auth_type, created_at, successful, ip, failure_reason, type, user_agent) FROM stdin;
\.


--
-- Data for Name: migrations; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.migrations (id, name, run_on) FROM stdin;
1	/20141020151056-initial-schema	2026-12-01 19:05:24.828
2	/20141110144153-add-description-to-features	2026-12-01 19:05:24.85
3	/20141117200435-add-parameters-template-to-strategies	2026-12-01 19:05:24.914
4	/20141117202209-insert-default-strategy	2026-12-01 19:05:24.997
5	/20141118071458-default-strategy-event	2026-12-01 19:05:25.146
6	/20141215210141-005-archived-flag-to-features	2026-12-01 19:05:25.246
7	/20150210152531-006-rename-eventtype	2026-12-01 19:05:25.283
8	/20160618193924-add-strategies-to-features	2026-12-01 19:05:25.315
9	/20161027134128-create-metrics	2026-12-01 19:05:25.346
10	/20161104074441-create-client-instances	2026-12-01 19:05:25.362
11	/20161205203516-create-client-applications	2026-12-01 19:05:25.386
12	/20161212101749-better-strategy-parameter-definitions	2026-12-01 19:05:25.498
13	/20170211085502-built-in-strategies	2026-12-01 19:05:25.504
14	/20170211090541-add-default-strategies	2026-12-01 19:05:25.517
15	/20170306233934-timestamp-with-tz	2026-12-01 19:05:25.532
16	/20170628205541-add-sdk-version-to-client-instances	2026-12-01 19:05:25.543
17	/20190123204125-add-variants-to-features	2026-12-01 19:05:25.564
18	/20191023184858-flexible-rollout-strategy	2026-12-01 19:05:25.573
19	/20200102184820-create-context-fields	2026-12-01 19:05:25.591
20	/20200227202711-settings	2026-12-01 19:05:25.607
21	/20200329191251-settings-secret	2026-12-01 19:05:25.615
22	/20200416201319-create-users	2026-12-01 19:05:25.635
23	/20200429175747-users-settings	2026-12-01 19:05:25.65
24	/20200805091409-add-feature-toggle-type	2026-12-01 19:05:25.671
25	/20200805094311-add-feature-type-to-features	2026-12-01 19:05:25.681
26	/20200806091734-add-stale-flag-to-features	2026-12-01 19:05:25.698
27	/20200810200901-add-created-at-to-feature-types	2026-12-01 19:05:25.708
28	/20200928194947-add-projects	2026-12-01 19:05:25.737
29	/20200928195238-add-project-id-to-features	2026-12-01 19:05:25.753
30	/20201216140726-add-last-seen-to-features	2026-12-01 19:05:25.77
31	/20210105083014-add-tag-and-tag-types	2026-12-01 19:05:25.882
32	/20210119084617-add-addon-table	2026-12-01 19:05:25.907
33	/20210121115438-add-deprecated-column-to-strategies	2026-12-01 19:05:25.922
34	/20210127094440-add-tags-column-to-events	2026-12-01 19:05:25.932
35	/20210208203708-add-stickiness-to-context	2026-12-01 19:05:25.946
36	/20210212114759-add-session-table	2026-12-01 19:05:25.982
37	/20210217195834-rbac-tables	2026-12-01 19:05:26.017
38	/20210218090213-generate-server-identifier	2026-12-01 19:05:26.031
39	/20210302080040-add-pk-to-client-instances	2026-12-01 19:05:26.04
40	/20210304115810-change-default-timestamp-to-now	2026-12-01 19:05:26.044
41	/20210304141005-add-announce-field-to-application	2026-12-01 19:05:26.053
42	/20210304150739-add-created-by-to-application	2026-12-01 19:05:26.063
43	/20210322104356-api-tokens-table	2026-12-01 19:05:26.095
44	/20210322104357-api-tokens-convert-enterprise	2026-12-01 19:05:26.102
45	/20210323073508-reset-application-announcements	2026-12-01 19:05:26.112
46	/20210409120136-create-reset-token-table	2026-12-01 19:05:26.127
47	/20210414141220-fix-misspellings-in-role-descriptions	2026-12-01 19:05:26.132
48	/20210415173116-rbac-rename-roles	2026-12-01 19:05:26.137
49	/20210421133845-add-sort-order-to-strategies	2026-12-01 19:05:26.155
50	/20210421135405-add-display-name-and-update-description-for-strategies	2026-12-01 19:05:26.167
51	/20210423103647-lowercase-all-emails	2026-12-01 19:05:26.184
52	/20210428062103-user-permission-to-rbac	2026-12-01 19:05:26.23
53	/20210428103922-patch-role-table	2026-12-01 19:05:26.243
54	/20210428103923-onboard-projects-to-rbac	2026-12-01 19:05:26.257
55	/20210428103924-patch-admin-role-name	2026-12-01 19:05:26.259
56	/20210428103924-patch-admin_role	2026-12-01 19:05:26.264
57	/20210428103924-patch-role_permissions	2026-12-01 19:05:26.29
58	/20210504101429-deprecate-strategies	2026-12-01 19:05:26.296
59	/20210520171325-update-role-descriptions	2026-12-01 19:05:26.299
60	/20210602115555-create-feedback-table	2026-12-01 19:05:26.332
61	/20210610085817-features-strategies-table	2026-12-01 19:05:26.402
62	/20210615115226-migrate-strategies-to-feature-strategies	2026-12-01 19:05:26.43
63	/20210618091331-project-environments-table	2026-12-01 19:05:26.457
64	/20210618100913-add-cascade-for-user-feedback	2026-12-01 19:05:26.465
65	/20210624114602-change-type-of-feature-archived	2026-12-01 19:05:26.524
66	/20210624114855-drop-strategies-column-from-features	2026-12-01 19:05:26.542
67	/20210624115109-drop-enabled-column-from-features	2026-12-01 19:05:26.549
68	/20210625102126-connect-default-project-to-global-environment	2026-12-01 19:05:26.553
69	/20210629130734-add-health-rating-to-project	2026-12-01 19:05:26.556
70	/20210830113948-connect-projects-to-global-envrionments	2026-12-01 19:05:26.559
71	/20210831072631-add-sort-order-and-type-to-env	2026-12-01 19:05:26.563
72	/20210907124058-add-dbcritic-indices	2026-12-01 19:05:26.607
73	/20210907124850-add-dbcritic-primary-keys	2026-12-01 19:05:26.633
74	/20210908100701-add-enabled-to-environments	2026-12-01 19:05:26.644
75	/20210909085651-add-protected-field-to-environments	2026-12-01 19:05:26.659
76	/20210913103159-api-keys-scoping	2026-12-01 19:05:26.666
77	/20210915122001-add-project-and-environment-columns-to-events	2026-12-01 19:05:26.687
78	/20210920104218-rename-global-env-to-default-env	2026-12-01 19:05:26.7
79	/20210921105032-client-api-tokens-default	2026-12-01 19:05:26.716
80	/20210922084509-add-non-null-constraint-to-environment-type	2026-12-01 19:05:26.72
81	/20210922120521-add-tag-type-permission	2026-12-01 19:05:26.723
82	/20210928065411-remove-displayname-from-environments	2026-12-01 19:05:26.732
83	/20210928080601-add-development-and-production-environments	2026-12-01 19:05:26.736
84	/20210928082228-connect-default-environment-to-all-existing-projects	2026-12-01 19:05:26.743
85	/20211004104917-client-metrics-env	2026-12-01 19:05:26.773
86	/20211011094226-add-environment-to-client-instances	2026-12-01 19:05:26.797
87	/20211013093114-feature-strategies-parameters-not-null	2026-12-01 19:05:26.814
88	/20211029094324-set-sort-order-env	2026-12-01 19:05:26.824
89	/20211105104316-add-feature-name-column-to-events	2026-12-01 19:05:26.828
90	/20211105105509-add-predata-column-to-events	2026-12-01 19:05:26.832
91	/20211108130333-create-user-splash-table	2026-12-01 19:05:26.847
92	/20211109103930-add-splash-entry-for-users	2026-12-01 19:05:26.857
93	/20211126112551-disable-default-environment	2026-12-01 19:05:26.862
94	/20211130142314-add-updated-at-to-projects	2026-12-01 19:05:26.865
95	/20211202120808-add-custom-roles	2026-12-01 19:05:26.891
96	/20211209205201-drop-client-metrics	2026-12-01 19:05:26.903
97	/20220103134659-add-permissions-to-project-roles	2026-12-01 19:05:26.922
98	/20220103143843-add-permissions-to-editor-role	2026-12-01 19:05:26.927
99	/20220111112804-update-permission-descriptions	2026-12-01 19:05:26.931
100	/20220111115613-move-feature-toggle-permission	2026-12-01 19:05:26.934
101	/20220111120346-roles-unique-name	2026-12-01 19:05:26.939
102	/20220111121010-update-project-for-editor-role	2026-12-01 19:05:26.942
103	/20220111125620-role-permission-empty-string-for-non-environment-type	2026-12-01 19:05:26.945
104	/20220119182603-update-toggle-types-description	2026-12-01 19:05:26.949
105	/20220125200908-convert-old-feature-events	2026-12-01 19:05:26.952
106	/20220128081242-add-impressiondata-to-features	2026-12-01 19:05:26.955
107	/20220129113106-metrics-counters-as-bigint	2026-12-01 19:05:26.964
108	/20220131082150-reset-feedback-form	2026-12-01 19:05:26.977
109	/20220224081422-remove-project-column-from-roles	2026-12-01 19:05:26.985
110	/20220224111626-add-current-time-context-field	2026-12-01 19:05:26.989
111	/20220307130902-add-segments	2026-12-01 19:05:27.026
112	/20220331085057-add-api-link-table	2026-12-01 19:05:27.05
113	/20220405103233-add-segments-name-index	2026-12-01 19:05:27.063
114	/20220408081222-clean-up-duplicate-foreign-key-role-permission	2026-12-01 19:05:27.066
115	/20220411103724-add-legal-value-description	2026-12-01 19:05:27.081
116	/20220425090847-add-token-permission	2026-12-01 19:05:27.098
117	/20220511111823-patch-broken-feature-strategies	2026-12-01 19:05:27.107
118	/20220511124923-fix-patch-broken-feature-strategies	2026-12-01 19:05:27.11
119	/20220528143630-dont-cascade-environment-deletion-to-apitokens	2026-12-01 19:05:27.116
120	/20220603081324-add-archive-at-to-feature-toggle	2026-12-01 19:05:27.122
121	/20220704115624-add-user-groups	2026-12-01 19:05:27.194
122	/20220711084613-add-projects-and-environments-for-addons	2026-12-01 19:05:27.201
123	/20220808084524-add-group-permissions	2026-12-01 19:05:27.211
124	/20220808110415-add-projects-foreign-key	2026-12-01 19:05:27.226
125	/20220816121136-add-metadata-to-api-keys	2026-12-01 19:05:27.24
126	/20220817130250-alter-api-tokens	2026-12-01 19:05:27.253
127	/20220908093515-add-public-signup-tokens	2026-12-01 19:05:27.314
128	/20220912165344-pat-tokens	2026-12-01 19:05:27.336
129	/20220916093515-add-url-to-public-signup-tokens	2026-12-01 19:05:27.35
130	/20220927110212-add-enabled-to-public-signup-tokens	2026-12-01 19:05:27.364
131	/20221010114644-pat-auto-increment	2026-12-01 19:05:27.388
132	/20221011155007-add-user-groups-mappings	2026-12-01 19:05:27.401
133	/20221103111940-fix-migrations	2026-12-01 19:05:27.413
134	/20221103112200-change-request	2026-12-01 19:05:27.477
135	/20221103125732-change-request-remove-unique	2026-12-01 19:05:27.502
136	/20221104123349-change-request-approval	2026-12-01 19:05:27.552
137	/20221107121635-move-variants-to-per-environment	2026-12-01 19:05:27.594
138	/20221107132528-change-request-project-options	2026-12-01 19:05:27.616
139	/20221108114358-add-change-request-permissions	2026-12-01 19:05:27.632
140	/20221110104933-add-change-request-settings	2026-12-01 19:05:27.643
141	/20221110144113-revert-change-request-project-options	2026-12-01 19:05:27.646
142	/20221114150559-change-request-comments	2026-12-01 19:05:27.655
143	/20221115072335-add-required-approvals	2026-12-01 19:05:27.669
144	/20221121114357-add-permission-for-environment-variants	2026-12-01 19:05:27.674
145	/20221121133546-soft-delete-user	2026-12-01 19:05:27.677
146	/20221124123914-add-favorites	2026-12-01 19:05:27.687
147	/20221125185244-change-request-unique-approvals	2026-12-01 19:05:27.711
148	/20221128165141-change-request-min-approvals	2026-12-01 19:05:27.721
149	/20221205122253-skip-change-request	2026-12-01 19:05:27.734
150	/20221220160345-user-pat-permissions	2026-12-01 19:05:27.74
151	/20221221144132-service-account-users	2026-12-01 19:05:27.753
152	/20230125065315-project-stats-table	2026-12-01 19:05:27.779
153	/20230127111638-new-project-stats-field	2026-12-01 19:05:27.79
154	/20230130113337-revert-user-pat-permissions	2026-12-01 19:05:27.796
155	/20230208084046-project-api-token-permissions	2026-12-01 19:05:27.808
156	/20230208093627-assign-project-api-token-permissions-editor	2026-12-01 19:05:27.839
157	/20230208093750-assign-project-api-token-permissions-owner	2026-12-01 19:05:27.854
158	/20230208093942-assign-project-api-token-permissions-member	2026-12-01 19:05:27.861
159	/20230222084211-add-login-events-table	2026-12-01 19:05:27.903
160	/20230222154915-create-notiications-table	2026-12-01 19:05:27.923
161	/20230224093446-drop-createdBy-from-notifications-table	2026-12-01 19:05:27.927
162	/20230227115320-rename-login-events-table-to-sign-on-log	2026-12-01 19:05:27.931
163	/20230227120500-change-display-name-for-variants-per-env-permission	2026-12-01 19:05:27.935
164	/20230227123106-add-setting-for-sign-on-log-retention	2026-12-01 19:05:27.946
165	/20230302133740-rename-sign-on-log-table-to-login-history	2026-12-01 19:05:27.952
166	/20230306103400-add-project-column-to-segments	2026-12-01 19:05:27.968
167	/20230306103400-remove-direct-link-from-segment-permissions-to-admin	2026-12-01 19:05:27.978
168	/20230309174400-add-project-segment-permission	2026-12-01 19:05:27.983
169	/20230314131041-project-settings	2026-12-01 19:05:27.99
170	/20230316092547-remove-project-stats-column	2026-12-01 19:05:28
171	/20230411085947-skip-change-request-ui	2026-12-01 19:05:28.003
172	/20230412062635-add-change-request-title	2026-12-01 19:05:28.007
173	/20230412125618-add-title-to-strategy	2026-12-01 19:05:28.012
174	/20230414105818-add-root-role-to-groups	2026-12-01 19:05:28.015
175	/20230419104126-add-disabled-field-to-feature-strategy	2026-12-01 19:05:28.019
176	/20230420125500-v5-strategy-changes	2026-12-01 19:05:28.023
177	/20230420211308-update-context-fields-add-sessionId	2026-12-01 19:05:28.026
178	/20230424090942-project-default-strategy-settings	2026-12-01 19:05:28.029
179	/20230504145945-variant-metrics	2026-12-01 19:05:28.037
180	/20230510113903-fix-api-token-username-migration	2026-12-01 19:05:28.048
181	/20230615122909-fix-env-sort-order	2026-12-01 19:05:28.056
182	/20230619105029-new-fine-grained-api-token-permissions	2026-12-01 19:05:28.059
183	/20230619110243-assign-apitoken-permissions-to-rootroles	2026-12-01 19:05:28.063
184	/20230621141239-refactor-api-token-permissions	2026-12-01 19:05:28.065
185	/20230630080126-delete-deprecated-permissions	2026-12-01 19:05:28.067
186	/20230706123907-events-announced-column	2026-12-01 19:05:28.069
187	/20230711094214-add-potentially-stale-flag	2026-12-01 19:05:28.077
188	/20230711163311-project-feature-limit	2026-12-01 19:05:28.083
189	/20230712091834-strategy-variants	2026-12-01 19:05:28.09
190	/20230802092725-add-last-seen-column-to-feature-environments	2026-12-01 19:05:28.098
191	/20230802141830-add-feature-and-environment-last-seen-at-to-features-view	2026-12-01 19:05:28.107
192	/20230803061359-change-request-optional-feature	2026-12-01 19:05:28.124
193	/20230808104232-update-root-roles-descriptions	2026-12-01 19:05:28.132
194	/20230814095253-change-request-rejections	2026-12-01 19:05:28.144
195	/20230814115436-change-request-timzone-timestamps	2026-12-01 19:05:28.154
196	/20230815065908-change-request-approve-reject-permission	2026-12-01 19:05:28.158
197	/20230817095805-client-applications-usage-table	2026-12-01 19:05:28.17
198	/20230818124614-update-client-applications-usage-table	2026-12-01 19:05:28.187
199	/20230830121352-update-client-applications-usage-table	2026-12-01 19:05:28.2
200	/20230905122605-add-feature-naming-description	2026-12-01 19:05:28.208
201	/20230919104006-dependent-features	2026-12-01 19:05:28.218
202	/20230927071830-reset-pnps-feedback	2026-12-01 19:05:28.248
203	/20230927172930-events-announced-index	2026-12-01 19:05:28.26
204	/20231002122426-update-dependency-permission	2026-12-01 19:05:28.281
205	/20231003113443-last-seen-at-metrics-table	2026-12-01 19:05:28.294
206	/20231004120900-create-changes-stats-table-and-trigger	2026-12-01 19:05:28.339
207	/20231012082537-message-banners	2026-12-01 19:05:28.354
208	/20231019110154-rename-message-banners-table-to-banners	2026-12-01 19:05:28.363
209	/20231024121307-add-change-request-schedule	2026-12-01 19:05:28.383
210	/20231025093422-default-project-mode	2026-12-01 19:05:28.393
211	/20231030091931-add-created-by-and-status-change-request-schedule	2026-12-01 19:05:28.407
212	/20231103064746-change-request-schedule-change-type	2026-12-01 19:05:28.477
213	/20231121153304-add-permission-create-tag-type	2026-12-01 19:05:28.487
214	/20231122121456-dedupe-any-duplicate-permissions	2026-12-01 19:05:28.5
215	/20231123100052-drop-last-seen-foreign-key	2026-12-01 19:05:28.507
216	/20231123155649-favor-permission-name-over-id	2026-12-01 19:05:28.77
217	/20231211121444-features-created-by	2026-12-01 19:05:28.78
218	/20231211122322-feature-types-created-by	2026-12-01 19:05:28.787
219	/20231211122351-feature-tag-created-by	2026-12-01 19:05:28.796
220	/20231211122426-feature-strategies-created-by	2026-12-01 19:05:28.805
221	/20231211132341-add-created-by-to-role-permission	2026-12-01 19:05:28.808
222	/20231211133008-add-created-by-to-role-user	2026-12-01 19:05:28.811
223	/20231211133920-add-created-by-to-roles	2026-12-01 19:05:28.813
224	/20231211134130-add-created-by-to-users	2026-12-01 19:05:28.815
225	/20231211134633-add-created-by-to-apitokens	2026-12-01 19:05:28.818
226	/20231212094044-event-created-by-user-id	2026-12-01 19:05:28.824
227	/20231213111906-add-reason-to-change-request-schedule	2026-12-01 19:05:28.827
228	/20231215105713-incoming-webhooks	2026-12-01 19:05:28.857
229	/20231218165612-inc-webhook-tokens-rename-secret-to-token	2026-12-01 19:05:28.863
230	/20231219100343-rename-new-columns-to-created-by-user-id	2026-12-01 19:05:28.872
231	/20231221143955-feedback-table	2026-12-01 19:05:28.888
232	/20231222071533-unleash-system-user	2026-12-01 19:05:28.9
233	/20240102142100-incoming-webhooks-created-by	2026-12-01 19:05:28.909
234	/20240102205517-observable-events	2026-12-01 19:05:28.927
235	/20240108151652-add-daily-metrics	2026-12-01 19:05:28.956
236	/20240109093021-incoming-webhooks-description	2026-12-01 19:05:28.963
237	/20240109095348-add-reason-column-to-schedule	2026-12-01 19:05:28.981
238	/20240111075911-update-system-user-email	2026-12-01 19:05:28.991
239	/20240111125100-automated-actions	2026-12-01 19:05:29.037
240	/20240116104456-drop-unused-column-permissionid	2026-12-01 19:05:29.051
241	/20240116154700-unleash-admin-token-user	2026-12-01 19:05:29.096
242	/20240117093601-add-more-granular-project-permissions	2026-12-01 19:05:29.105
243	/20240118093611-missing-primary-keys	2026-12-01 19:05:29.142
244	/20240119171200-action-states	2026-12-01 19:05:29.172
245	/20240124123000-add-enabled-to-action-sets	2026-12-01 19:05:29.179
246	/20240125084701-add-user-trends	2026-12-01 19:05:29.191
247	/20240125085703-users-table-increae-image-url-size	2026-12-01 19:05:29.194
248	/20240125090553-events-fix-incorrectly-assigned-sysuser-id	2026-12-01 19:05:29.2
249	/20240125100000-events-system-user-old2new	2026-12-01 19:05:29.208
250	/20240126095544-add-flag-trends	2026-12-01 19:05:29.221
251	/20240130104757-flag-trends-health-time-to-production	2026-12-01 19:05:29.239
252	/20240207164033-client-applications-announced-index	2026-12-01 19:05:29.245
253	/20240208123212-create-stat-traffic-usage-table	2026-12-01 19:05:29.275
254	/20240208130439-events-revision-id-index	2026-12-01 19:05:29.279
255	/20240215133213-flag-trends-users	2026-12-01 19:05:29.284
256	/20240220130622-add-action-state-indexes	2026-12-01 19:05:29.299
257	/20240221082758-action-events	2026-12-01 19:05:29.328
258	/20240221115502-drop-action-states	2026-12-01 19:05:29.336
259	/20240222123532-project-metrics-summary-trends	2026-12-01 19:05:29.359
260	/20240229093231-drop-fk-and-cascade-in-trends	2026-12-01 19:05:29.371
261	/20240304084102-rename-observable-events-to-signals	2026-12-01 19:05:29.388
262	/20240304160659-add-environment-type-trends	2026-12-01 19:05:29.409
263	/20240305094305-features-remove-archived	2026-12-01 19:05:29.415
264	/20240305121426-add-created-at-environment-type-trends	2026-12-01 19:05:29.419
265	/20240305121702-add-metrics-summary-columns-to-flag-trends	2026-12-01 19:05:29.443
266	/20240305131822-add-scim-id-column-to-user	2026-12-01 19:05:29.473
267	/20240306145609-make-scim-id-idx-unique	2026-12-01 19:05:29.562
268	/20240325081847-add-scim-id-for-groups	2026-12-01 19:05:29.643
269	/20240326122126-add-index-on-group-name	2026-12-01 19:05:29.65
270	/20240329064629-revert-feature-archived	2026-12-01 19:05:29.656
271	/20240405120422-add-feature-lifecycles	2026-12-01 19:05:29.671
272	/20240405174629-jobs	2026-12-01 19:05:29.693
273	/20240408104624-fix-environment-type-trends	2026-12-01 19:05:29.71
274	/20240418140646-add-ip-column-to-events-table	2026-12-01 19:05:29.724
275	/20240425132155-flag-trends-bigint	2026-12-01 19:05:29.776
276	/20240430075605-add-scim-external-id	2026-12-01 19:05:29.83
277	/20240506141345-lifecycle-initial-stage	2026-12-01 19:05:29.844
278	/20240507075431-client-metrics-env-daily-bigint	2026-12-01 19:05:29.903
279	/20240508153244-feature-lifecycles-status	2026-12-01 19:05:29.933
280	/20240523093355-toggle-to-flag-rename	2026-12-01 19:05:29.942
281	/20240523113322-roles-toggle-to-flag-rename	2026-12-01 19:05:29.946
282	/20240611092538-add-created-by-to-features-view	2026-12-01 19:05:29.954
283	/20240705111827-used-passwords-table	2026-12-01 19:05:29.975
284	/20240716135038-integration-events	2026-12-01 19:05:29.999
285	/20240806140453-add-archived-at-to-projects	2026-12-01 19:05:30.004
286	/20240812120954-add-archived-at-to-projects	2026-12-01 19:05:30.023
287	/20240812132633-events-type-index	2026-12-01 19:05:30.03
288	/20240821141555-segment-no-project-cleanup	2026-12-01 19:05:30.045
289	/20240823091442-normalize-token-types	2026-12-01 19:05:30.048
290	/20240828154255-user-first-seen-at	2026-12-01 19:05:30.055
291	/20240830102144-onboarding-events	2026-12-01 19:05:30.091
292	/20240903152133-clear-onboarding-events	2026-12-01 19:05:30.105
293	/20240904084114-add-update-feature-dependency-editor	2026-12-01 19:05:30.114
294	/20240919083625-client-metrics-env-variants-daily-to-bigint	2026-12-01 19:05:30.135
295	/20241016090534-ai-chats	2026-12-01 19:05:30.163
296	/20241016123833-ai-chats-rename-chat-col-to-messages	2026-12-01 19:05:30.174
297	/20241024062521-add-release-plans-milestones-strategies	2026-12-01 19:05:30.235
298	/20241024081537-sent-emails-table	2026-12-01 19:05:30.263
299	/20241030093439-release-plans-template-ref-and-missing-strategy-fields	2026-12-01 19:05:30.3
300	/20241031102325-user-unsubscription	2026-12-01 19:05:30.344
301	/20241031123526-release-plan-definition-remove-fk-constraint-on-userid	2026-12-01 19:05:30.367
302	/20241105123918-add-cascade-for-user-unsubscription	2026-12-01 19:05:30.378
303	/20241111085745-release-plan-template-permissions	2026-12-01 19:05:30.398
304	/20241112113555-user-email-hash	2026-12-01 19:05:30.414
305	/20241114103646-licensed-users	2026-12-01 19:05:30.426
306	/20241119103819-make-potentially-stale-non-nullable	2026-12-01 19:05:30.435
307	/20241119105837-licensed-users-backfill	2026-12-01 19:05:30.446
308	/20241125080935-add-unique-idx-to-release-plan-discriminator	2026-12-01 19:05:30.471
309	/20241127074206-milestone-strategy-title-nullable	2026-12-01 19:05:30.479
310	/20241128152334-features-view-filter-out-milestone-strategies	2026-12-01 19:05:30.499
311	/20241129102205-add-foreign-key-to-role-permissions	2026-12-01 19:05:30.512
312	/20241211143944-events-index-project-feature-created	2026-12-01 19:05:30.527
313	/20241212122149-add-permissions-maintenance	2026-12-01 19:05:30.536
314	/20241216141201-add-permission-auth-config	2026-12-01 19:05:30.548
315	/20241220102327-drop-ai-chats	2026-12-01 19:05:30.562
316	/20250102150900-add-permission-read-logs	2026-12-01 19:05:30.582
317	/20250109150818-unique-connections-table	2026-12-01 19:05:30.604
318	/20250110130010-add-permission-cors	2026-12-01 19:05:30.624
319	/20250203145735-drop-rp-view-permissions	2026-12-01 19:05:30.646
320	/20250205072305-clean-scim-id-from-deleted-users	2026-12-01 19:05:30.654
321	/20250210130408-add-edge-observability-tables	2026-12-01 19:05:30.704
322	/20250211114205-scim-email-hash-backfill	2026-12-01 19:05:30.728
323	/20250212130610-add-stat-edge-traffic-table	2026-12-01 19:05:30.771
324	/20250214104741-add-status-code-to-edge-traffic-table	2026-12-01 19:05:30.788
325	/20250304122705-archive-release-template	2026-12-01 19:05:30.802
326	/20250307124449-connection-count-consumption-table	2026-12-01 19:05:30.822
327	/20250312162155-connection-count-consumption-table	2026-12-01 19:05:30.855
328	/20250318091635-add-tag-type-color	2026-12-01 19:05:30.867
329	/20250320121200-all-users-have-a-root-role	2026-12-01 19:05:30.879
330	/20250325124224-environment-required-approvals	2026-12-01 19:05:30.895
331	/20250424185110-unknown-flags	2026-12-01 19:05:30.927
332	/20250425091940-client-instance-sdk-type	2026-12-01 19:05:30.942
333	/20250506074807-feature-link-table	2026-12-01 19:05:30.975
334	/20250508102832-feature-link-domain	2026-12-01 19:05:30.991
335	/20250508112416-update-project-add-link-templates	2026-12-01 19:05:30.999
336	/20250521160000-add-cdn-tokens-table	2026-12-01 19:05:31.031
337	/20250529153326-cr-uniqueness	2026-12-01 19:05:31.055
338	/20250530103216-lifecycle-trends	2026-12-01 19:05:31.087
339	/20250604100546-lifecycle-trends-general	2026-12-01 19:05:31.113
340	/20250604110546-remove-default-env-from-new-installs	2026-12-01 19:05:31.133
341	/20250612070900-backfill-email-hashes-using-sha256	2026-12-01 19:05:31.158
342	/20250612114001-backfill-email-hashes-from-event-log	2026-12-01 19:05:31.176
343	/20250618090103-create-cr-requested-approvals	2026-12-01 19:05:31.217
344	/20250623100820-cr-requested-approvals-add-notified-at-column	2026-12-01 19:05:31.234
345	/20250630114145-add-transaction-context-to-events	2026-12-01 19:05:31.256
346	/20250707153020-unknown-flags-environment	2026-12-01 19:05:31.279
347	/20250708173000-amend-users-created-events	2026-12-01 19:05:31.297
348	/20250730102900-rename-api-token-permissions	2026-12-01 19:05:31.313
349	/20250805152422-backfill-lifecycle-trends	2026-12-01 19:05:31.346
350	/20250813125755-backfill-lifecycle-trends-fix	2026-12-01 19:05:31.37
351	/20250813142433-consumption-origin	2026-12-01 19:05:31.402
352	/20250827135502-add-impact-metrics	2026-12-01 19:05:31.431
353	/20250923130348-add-users-updated-at	2026-12-01 19:05:31.451
354	/20251002095623-not-null-constraints	2026-12-01 19:05:31.466
355	/20251003105758-add-milestone-started-at	2026-12-01 19:05:31.487
356	/20251006111609-add-milestone-progressions	2026-12-01 19:05:31.554
357	/20251009081052-add-milestone-progression-executed-at	2026-12-01 19:05:31.589
358	/20251009132935-add-edge-node-presence	2026-12-01 19:05:31.631
359	/20251013131405-milestone-progression-uniqueness	2026-12-01 19:05:31.658
360	/20251027094509-milestone-progression-natural-pk	2026-12-01 19:05:31.735
361	/20251103114221-milestone-progression-paused-at	2026-12-01 19:05:31.763
362	/20251105153729-create-safeguards-table	2026-12-01 19:05:31.778
363	/20251118131212-edge-observability-hosting	2026-12-01 19:05:31.783
364	/20251209090115-add-default-release-plan-template	2026-12-01 19:05:31.797
365	/20251210144308-add-project-column-to-context-fields	2026-12-01 19:05:31.801
366	/20251218153722-predefined-project-role-reader	2026-12-01 19:05:31.815
367	/20260106164443-users-seat-type	2026-12-01 19:05:31.834
368	/20260112111353-add-project-context-permission	2026-12-01 19:05:31.844
369	/20260115122651-project-owner-crud-project-context	2026-12-01 19:05:31.85
370	/20260115122720-project-owner-crud-project-segment	2026-12-01 19:05:31.853
371	/20260119100647-add-api-key-revision-id-to-edge-observability	2026-12-01 19:05:31.856
372	/20260204150900-add-edge-hmac-verification-tables	2026-12-01 19:05:31.965
373	/20260213095258-users-company-role-and-email-consent	2026-12-01 19:05:32.001
374	/20260303132225-add-milestone-strategies-disabled	2026-12-01 19:05:32.005
375	/20260309125735-drop-cascade-for-edge-api-token	2026-12-01 19:05:32.011
376	/20260310134100-split-safeguards-table	2026-12-01 19:05:32.056
377	/20260311073041-migrate-safeguards-data	2026-12-01 19:05:32.074
378	/20260312100000-release-plans-fix-cascade-on-env-disconnect	2026-12-01 19:05:32.098
379	/20260316113111-update-memory-usage-to-big-int	2026-12-01 19:05:32.161
380	/20260316140000-safeguards-fix-cascade-on-env-disconnect	2026-12-01 19:05:32.21
381	/20260317140000-safeguards-drop-project-not-null	2026-12-01 19:05:32.226
382	/20260318100000-safeguards-drop-project-column	2026-12-01 19:05:32.24
383	/20260406132537-user-access-requests	2026-12-01 19:05:32.259
384	/20260406161629-user-access-requests-unique-email	2026-12-01 19:05:32.279
385	/20260601105104-add-sunset-feature-type	2026-12-01 19:05:32.291
386	/20260605181500-add-type-to-login-history	2026-12-01 19:05:32.305
387	/20260617115403-update-flag-descriptions	2026-12-01 19:05:32.321
388	/20260624120000-servicenow-change-references	2026-12-01 19:05:32.37
389	/20260706100000-add-project-column-to-release-plan-definitions	2026-12-01 19:05:32.384
390	/20260708100000-add-project-release-template-permission	2026-12-01 19:05:32.393
391	/20260713120000-add-api-tokens-v2	2026-12-01 19:05:32.432
392	/20260721114534-add-usercreated-column-to-api-tokens-v2	2026-12-01 19:05:32.444
393	/20260724084058-set-default-value-for-user-created-for-api-token-v2	2026-12-01 19:05:32.448
394	/20260806120000-add-verifier-to-personal-access-tokens	2026-12-01 19:05:32.474
395	/20260817100000-add-job-retry-metadata	2026-12-01 19:05:32.486
396	/20260825190000-drop-api-token-v2-environment-cascade	2026-12-01 19:05:32.551
397	/20260902120000-add-user-agent-to-login-history	2026-12-01 19:05:32.57
\.


--
-- Data for Name: milestone_progressions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.milestone_progressions (source_milestone, target_milestone, transition_condition, executed_at, paused_at) FROM stdin;
\.


--
-- Data for Name: milestone_strategies; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.milestone_strategies (id, milestone_id, sort_order, title, strategy_name, parameters, constraints, variants, disabled) FROM stdin;
01KC6VJDDYAYBRCZT92YFF1H5Q	01KC6VHE9VYKDN12C5VASZ5GQY	0		flexibleRollout	{"groupId": "{{featureName}}", "rollout": "25", "stickiness": "default"}	[]	[]	f
01KC6VJDDYMA9W74KJ4TJ9EEK6	01KC6VHE9VB6YX6B3QVJ6J8M7D	0		flexibleRollout	{"groupId": "{{featureName}}", "rollout": "50", "stickiness": "default"}	[]	[]	f
01KC6VJDDYD4VX407YX4QA3AVJ	01KC6VHE9V0JFJSTHY5AYMSF0G	0		flexibleRollout	{"groupId": "{{featureName}}", "rollout": "75", "stickiness": "default"}	[]	[]	f
01KC6VJDDYVR43TJTWY1BZ2SYF	01KC6VHE9VJSFWF0RJDYCVMWBC	0		flexibleRollout	{"groupId": "{{featureName}}", "rollout": "100", "stickiness": "default"}	[]	[]	f
\.


--
-- Data for Name: milestone_strategy_segments; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.milestone_strategy_segments (segment_id, milestone_strategy_id, created_at) FROM stdin;
\.


--
-- Data for Name: milestones; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.milestones (id, name, sort_order, release_plan_definition_id, started_at) FROM stdin;
01KC6VHE9VYKDN12C5VASZ5GQY	Rollout 25%	0	01KC6TD3HASJWRPMKT1ACY8M3A	\N
01KC6VHE9VB6YX6B3QVJ6J8M7D	Rollout 50%	1	01KC6TD3HASJWRPMKT1ACY8M3A	\N
01KC6VHE9V0JFJSTHY5AYMSF0G	Rollout 75%	2	01KC6TD3HASJWRPMKT1ACY8M3A	\N
01KC6VHE9VJSFWF0RJDYCVMWBC	Rollout 100%	3	01KC6TD3HASJWRPMKT1ACY8M3A	\N
\.


--
-- Data for Name: notifications; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.notifications (id, event_id, created_at) FROM stdin;
\.


--
-- Data for Name: onboarding_events_instance; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.onboarding_events_instance (event, time_to_event) FROM stdin;
\.


--
-- Data for Name: onboarding_events_project; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.onboarding_events_project (event, time_to_event, project) FROM stdin;
\.


--
-- Data for Name: permissions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.permissions (id, permission, display_name, type, created_at) FROM stdin;
1	ADMIN	Admin	root	2026-12-01 19:05:26.866694+00
3	CREATE_STRATEGY	Create activation strategies	root	2026-12-01 19:05:26.866694+00
4	CREATE_ADDON	Create addons	root	2026-12-01 19:05:26.866694+00
5	DELETE_ADDON	Delete addons	root	2026-12-01 19:05:26.866694+00
6	UPDATE_ADDON	Update addons	root	2026-12-01 19:05:26.866694+00
9	UPDATE_APPLICATION	Update applications	root	2026-12-01 19:05:26.866694+00
10	UPDATE_TAG_TYPE	Update tag types	root	2026-12-01 19:05:26.866694+00
11	DELETE_TAG_TYPE	Delete tag types	root	2026-12-01 19:05:26.866694+00
12	CREATE_PROJECT	Create projects	root	2026-12-01 19:05:26.866694+00
13	UPDATE_PROJECT	Update project	project	2026-12-01 19:05:26.866694+00
14	DELETE_PROJECT	Delete project	project	2026-12-01 19:05:26.866694+00
15	UPDATE_STRATEGY	Update strategies	root	2026-12-01 19:05:26.866694+00
16	DELETE_STRATEGY	Delete strategies	root	2026-12-01 19:05:26.866694+00
17	UPDATE_CONTEXT_FIELD	Update context fields	root	2026-12-01 19:05:26.866694+00
18	CREATE_CONTEXT_FIELD	Create context fields	root	2026-12-01 19:05:26.866694+00
19	DELETE_CONTEXT_FIELD	Delete context fields	root	2026-12-01 19:05:26.866694+00
20	READ_ROLE	Read roles	root	2026-12-01 19:05:26.866694+00
25	CREATE_FEATURE_STRATEGY	Create activation strategies	environment	2026-12-01 19:05:26.866694+00
26	UPDATE_FEATURE_STRATEGY	Update activation strategies	environment	2026-12-01 19:05:26.866694+00
27	DELETE_FEATURE_STRATEGY	Delete activation strategies	environment	2026-12-01 19:05:26.866694+00
29	UPDATE_FEATURE_VARIANTS	Create/edit variants	project	2026-12-01 19:05:26.866694+00
31	CREATE_SEGMENT	Create segments	root	2026-12-01 19:05:26.995317+00
32	UPDATE_SEGMENT	Edit segments	root	2026-12-01 19:05:26.995317+00
33	DELETE_SEGMENT	Delete segments	root	2026-12-01 19:05:26.995317+00
42	READ_PROJECT_API_TOKEN	Read api tokens for a specific project	project	2026-12-01 19:05:27.806858+00
43	CREATE_PROJECT_API_TOKEN	Create api tokens for a specific project	project	2026-12-01 19:05:27.806858+00
44	DELETE_PROJECT_API_TOKEN	Delete api tokens for a specific project	project	2026-12-01 19:05:27.806858+00
37	UPDATE_FEATURE_ENVIRONMENT_VARIANTS	Update variants	environment	2026-12-01 19:05:27.672105+00
36	APPLY_CHANGE_REQUEST	Apply change requests	environment	2026-12-01 19:05:27.631029+00
45	UPDATE_PROJECT_SEGMENT	Create/edit project segment	project	2026-12-01 19:05:27.982692+00
38	SKIP_CHANGE_REQUEST	Skip change request process	environment	2026-12-01 19:05:27.730802+00
35	APPROVE_CHANGE_REQUEST	Approve/Reject change requests	environment	2026-12-01 19:05:27.631029+00
2	CREATE_FEATURE	Create feature flags	project	2026-12-01 19:05:26.866694+00
7	UPDATE_FEATURE	Update feature flags	project	2026-12-01 19:05:26.866694+00
8	DELETE_FEATURE	Delete feature flags	project	2026-12-01 19:05:26.866694+00
30	MOVE_FEATURE_TOGGLE	Change feature flag project	project	2026-12-01 19:05:26.933095+00
28	UPDATE_FEATURE_ENVIRONMENT	Enable/disable flags	environment	2026-12-01 19:05:26.866694+00
50	CREATE_CLIENT_API_TOKEN	Create Backend tokens	root	2026-12-01 19:05:28.058172+00
51	UPDATE_CLIENT_API_TOKEN	Update Backend tokens	root	2026-12-01 19:05:28.058172+00
52	DELETE_CLIENT_API_TOKEN	Delete Backend tokens	root	2026-12-01 19:05:28.058172+00
53	READ_CLIENT_API_TOKEN	Read Backend tokens	root	2026-12-01 19:05:28.058172+00
58	UPDATE_FEATURE_DEPENDENCY	Update feature dependency	project	2026-12-01 19:05:28.278659+00
59	CREATE_TAG_TYPE	Create tag types	root	2026-12-01 19:05:28.482817+00
60	PROJECT_USER_ACCESS_READ	View only access to Project User Access	project	2026-12-01 19:05:29.102841+00
61	PROJECT_DEFAULT_STRATEGY_READ	View only access to default strategy configuration for project	project	2026-12-01 19:05:29.102841+00
62	PROJECT_CHANGE_REQUEST_READ	View only access to change request configuration for project	project	2026-12-01 19:05:29.102841+00
63	PROJECT_SETTINGS_READ	View only access to project settings	project	2026-12-01 19:05:29.102841+00
64	PROJECT_USER_ACCESS_WRITE	Write access to Project User Access	project	2026-12-01 19:05:29.102841+00
65	PROJECT_DEFAULT_STRATEGY_WRITE	Write access to default strategy configuration for project	project	2026-12-01 19:05:29.102841+00
66	PROJECT_CHANGE_REQUEST_WRITE	Write access to change request configuration for project	project	2026-12-01 19:05:29.102841+00
67	PROJECT_SETTINGS_WRITE	Write access to project settings	project	2026-12-01 19:05:29.102841+00
70	RELEASE_PLAN_TEMPLATE_CREATE	Create release plan template	root	2026-12-01 19:05:30.39103+00
71	RELEASE_PLAN_TEMPLATE_UPDATE	Update release plan template	root	2026-12-01 19:05:30.39103+00
72	RELEASE_PLAN_TEMPLATE_DELETE	Delete release plan template	root	2026-12-01 19:05:30.39103+00
73	UPDATE_MAINTENANCE_MODE	Change maintenance mode state	root	2026-12-01 19:05:30.534762+00
74	UPDATE_INSTANCE_BANNERS	Change instance banners	root	2026-12-01 19:05:30.534762+00
75	UPDATE_AUTH_CONFIGURATION	Change authentication settings (SSO)	root	2026-12-01 19:05:30.546913+00
76	READ_LOGS	Read instance logs and login history	root	2026-12-01 19:05:30.579174+00
77	UPDATE_CORS	Update CORS settings	root	2026-12-01 19:05:30.615037+00
54	CREATE_FRONTEND_API_TOKEN	Create Frontend tokens	root	2026-12-01 19:05:28.058172+00
55	UPDATE_FRONTEND_API_TOKEN	Update Frontend tokens	root	2026-12-01 19:05:28.058172+00
56	DELETE_FRONTEND_API_TOKEN	Delete Frontend tokens	root	2026-12-01 19:05:28.058172+00
57	READ_FRONTEND_API_TOKEN	Read Frontend tokens	root	2026-12-01 19:05:28.058172+00
78	UPDATE_PROJECT_CONTEXT	Create/edit project context	project	2026-12-01 19:05:31.842336+00
79	UPDATE_PROJECT_RELEASE_TEMPLATE	Create/edit project release template	project	2026-12-01 19:05:32.390913+00
\.


--
-- Data for Name: personal_access_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.personal_access_tokens (secret, description, user_id, expires_at, seen_at, created_at, id, selector, verifier) FROM stdin;
\.


--
-- Data for Name: project_client_metrics_trends; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.project_client_metrics_trends (project, date, total_yes, total_no, total_apps, total_flags, total_environments) FROM stdin;
\.


--
-- Data for Name: project_environments; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.project_environments (project_id, environment_name, default_strategy) FROM stdin;
default	development	\N
default	production	\N
\.


--
-- Data for Name: project_settings; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.project_settings (project, default_stickiness, project_mode, feature_limit, feature_naming_pattern, feature_naming_example, feature_naming_description, link_templates) FROM stdin;
\.


--
-- Data for Name: project_stats; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.project_stats (project, avg_time_to_prod_current_window, project_changes_current_window, project_changes_past_window, features_created_current_window, features_created_past_window, features_archived_current_window, features_archived_past_window, project_members_added_current_window) FROM stdin;
\.


--
-- Data for Name: projects; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.projects (id, name, description, created_at, health, updated_at, archived_at) FROM stdin;
default	Default	Default project	2026-12-01 19:05:25.716567	100	2026-12-01 19:05:26.863865+00	\N
\.


--
-- Data for Name: public_signup_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.public_signup_tokens (secret, name, expires_at, created_at, created_by, role_id, url, enabled) FROM stdin;
\.


--
-- Data for Name: public_signup_tokens_user; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.public_signup_tokens_user (secret, user_id, created_at) FROM stdin;
\.


--
-- Data for Name: release_plan_definitions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.release_plan_definitions (id, discriminator, name, description, feature_name, environment, created_by_user_id, created_at, active_milestone_id, release_plan_template_id, archived_at, project) FROM stdin;
01KC6TD3HASJWRPMKT1ACY8M3A	template	Unleash Release Template	A built-in progressive rollout template with 25%, 50%, 75%, and 100% milestones.	\N	\N	-1337	2026-12-01 19:05:31.787139+00	\N	\N	\N	\N
\.


--
-- Data for Name: release_plan_safeguards; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.release_plan_safeguards (id, impact_metric_id, trigger_condition, release_plan_id, environment, feature_name) FROM stdin;
\.


--
-- Data for Name: request_count_consumption; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.request_count_consumption (day, metered_group, requests, origin) FROM stdin;
\.


--
-- Data for Name: reset_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.reset_tokens (reset_token, user_id, expires_at, used_at, created_at, created_by) FROM stdin;
\.


--
-- Data for Name: role_permission; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.role_permission (role_id, created_at, environment, permission, created_by_user_id, id) FROM stdin;
4	2026-12-01 19:05:26.918196+00	development	CREATE_FEATURE_STRATEGY	\N	1
4	2026-12-01 19:05:26.918196+00	development	UPDATE_FEATURE_STRATEGY	\N	2
4	2026-12-01 19:05:26.918196+00	development	DELETE_FEATURE_STRATEGY	\N	3
4	2026-12-01 19:05:26.918196+00	development	UPDATE_FEATURE_ENVIRONMENT	\N	4
4	2026-12-01 19:05:26.918196+00	production	CREATE_FEATURE_STRATEGY	\N	5
4	2026-12-01 19:05:26.918196+00	production	UPDATE_FEATURE_STRATEGY	\N	6
4	2026-12-01 19:05:26.918196+00	production	DELETE_FEATURE_STRATEGY	\N	7
4	2026-12-01 19:05:26.918196+00	production	UPDATE_FEATURE_ENVIRONMENT	\N	8
5	2026-12-01 19:05:26.918196+00	development	CREATE_FEATURE_STRATEGY	\N	13
5	2026-12-01 19:05:26.918196+00	development	UPDATE_FEATURE_STRATEGY	\N	14
5	2026-12-01 19:05:26.918196+00	development	DELETE_FEATURE_STRATEGY	\N	15
5	2026-12-01 19:05:26.918196+00	development	UPDATE_FEATURE_ENVIRONMENT	\N	16
5	2026-12-01 19:05:26.918196+00	production	CREATE_FEATURE_STRATEGY	\N	17
5	2026-12-01 19:05:26.918196+00	production	UPDATE_FEATURE_STRATEGY	\N	18
5	2026-12-01 19:05:26.918196+00	production	DELETE_FEATURE_STRATEGY	\N	19
5	2026-12-01 19:05:26.918196+00	production	UPDATE_FEATURE_ENVIRONMENT	\N	20
2	2026-12-01 19:05:26.925053+00	development	CREATE_FEATURE_STRATEGY	\N	25
2	2026-12-01 19:05:26.925053+00	development	UPDATE_FEATURE_STRATEGY	\N	26
2	2026-12-01 19:05:26.925053+00	development	DELETE_FEATURE_STRATEGY	\N	27
2	2026-12-01 19:05:26.925053+00	development	UPDATE_FEATURE_ENVIRONMENT	\N	28
2	2026-12-01 19:05:26.925053+00	production	CREATE_FEATURE_STRATEGY	\N	29
2	2026-12-01 19:05:26.925053+00	production	UPDATE_FEATURE_STRATEGY	\N	30
2	2026-12-01 19:05:26.925053+00	production	DELETE_FEATURE_STRATEGY	\N	31
2	2026-12-01 19:05:26.925053+00	production	UPDATE_FEATURE_ENVIRONMENT	\N	32
2	2026-12-01 19:05:26.995317+00	\N	CREATE_SEGMENT	\N	69
2	2026-12-01 19:05:26.995317+00	\N	UPDATE_SEGMENT	\N	70
2	2026-12-01 19:05:26.995317+00	\N	DELETE_SEGMENT	\N	71
4	2026-12-01 19:05:27.672105+00	development	UPDATE_FEATURE_ENVIRONMENT_VARIANTS	\N	72
4	2026-12-01 19:05:27.672105+00	production	UPDATE_FEATURE_ENVIRONMENT_VARIANTS	\N	73
5	2026-12-01 19:05:27.672105+00	development	UPDATE_FEATURE_ENVIRONMENT_VARIANTS	\N	75
5	2026-12-01 19:05:27.672105+00	production	UPDATE_FEATURE_ENVIRONMENT_VARIANTS	\N	76
2	2026-12-01 19:05:27.672105+00	development	UPDATE_FEATURE_ENVIRONMENT_VARIANTS	\N	78
2	2026-12-01 19:05:27.672105+00	production	UPDATE_FEATURE_ENVIRONMENT_VARIANTS	\N	79
2	2026-12-01 19:05:27.835001+00	\N	READ_PROJECT_API_TOKEN	\N	81
2	2026-12-01 19:05:27.835001+00	\N	CREATE_PROJECT_API_TOKEN	\N	82
2	2026-12-01 19:05:27.835001+00	\N	DELETE_PROJECT_API_TOKEN	\N	83
4	2026-12-01 19:05:27.851343+00	\N	READ_PROJECT_API_TOKEN	\N	84
4	2026-12-01 19:05:27.851343+00	\N	CREATE_PROJECT_API_TOKEN	\N	85
4	2026-12-01 19:05:27.851343+00	\N	DELETE_PROJECT_API_TOKEN	\N	86
5	2026-12-01 19:05:27.858746+00	\N	READ_PROJECT_API_TOKEN	\N	87
5	2026-12-01 19:05:27.858746+00	\N	CREATE_PROJECT_API_TOKEN	\N	88
5	2026-12-01 19:05:27.858746+00	\N	DELETE_PROJECT_API_TOKEN	\N	89
2	2026-12-01 19:05:28.060918+00	\N	READ_CLIENT_API_TOKEN	\N	90
2	2026-12-01 19:05:28.060918+00	\N	READ_FRONTEND_API_TOKEN	\N	91
5	2026-12-01 19:05:28.278659+00	\N	UPDATE_FEATURE_DEPENDENCY	\N	92
4	2026-12-01 19:05:28.278659+00	\N	UPDATE_FEATURE_DEPENDENCY	\N	93
2	2026-12-01 19:05:28.482817+00	\N	CREATE_TAG_TYPE	\N	94
2	2026-12-01 19:05:30.109406+00	\N	UPDATE_FEATURE_DEPENDENCY	\N	95
2	2026-12-01 19:05:30.39103+00	\N	RELEASE_PLAN_TEMPLATE_CREATE	-1337	99
2	2026-12-01 19:05:30.39103+00	\N	RELEASE_PLAN_TEMPLATE_UPDATE	-1337	100
2	2026-12-01 19:05:26.866694+00	\N	CREATE_FEATURE	\N	37
2	2026-12-01 19:05:26.866694+00	\N	CREATE_STRATEGY	\N	38
2	2026-12-01 19:05:26.866694+00	\N	CREATE_ADDON	\N	39
2	2026-12-01 19:05:26.866694+00	\N	DELETE_ADDON	\N	40
2	2026-12-01 19:05:26.866694+00	\N	UPDATE_ADDON	\N	41
2	2026-12-01 19:05:26.866694+00	\N	UPDATE_FEATURE	\N	42
2	2026-12-01 19:05:26.866694+00	\N	DELETE_FEATURE	\N	43
2	2026-12-01 19:05:26.866694+00	\N	UPDATE_APPLICATION	\N	44
2	2026-12-01 19:05:26.866694+00	\N	UPDATE_TAG_TYPE	\N	45
2	2026-12-01 19:05:26.866694+00	\N	DELETE_TAG_TYPE	\N	46
2	2026-12-01 19:05:26.866694+00	\N	CREATE_PROJECT	\N	47
2	2026-12-01 19:05:26.866694+00	\N	UPDATE_PROJECT	\N	48
2	2026-12-01 19:05:26.866694+00	\N	DELETE_PROJECT	\N	49
2	2026-12-01 19:05:26.866694+00	\N	UPDATE_STRATEGY	\N	50
2	2026-12-01 19:05:26.866694+00	\N	DELETE_STRATEGY	\N	51
2	2026-12-01 19:05:26.866694+00	\N	UPDATE_CONTEXT_FIELD	\N	52
2	2026-12-01 19:05:26.866694+00	\N	CREATE_CONTEXT_FIELD	\N	53
2	2026-12-01 19:05:26.866694+00	\N	DELETE_CONTEXT_FIELD	\N	54
2	2026-12-01 19:05:26.866694+00	\N	UPDATE_FEATURE_VARIANTS	\N	55
4	2026-12-01 19:05:26.866694+00	\N	CREATE_FEATURE	\N	56
4	2026-12-01 19:05:26.866694+00	\N	UPDATE_FEATURE	\N	57
4	2026-12-01 19:05:26.866694+00	\N	DELETE_FEATURE	\N	58
4	2026-12-01 19:05:26.866694+00	\N	UPDATE_PROJECT	\N	59
4	2026-12-01 19:05:26.866694+00	\N	DELETE_PROJECT	\N	60
4	2026-12-01 19:05:26.866694+00	\N	UPDATE_FEATURE_VARIANTS	\N	61
5	2026-12-01 19:05:26.866694+00	\N	CREATE_FEATURE	\N	62
5	2026-12-01 19:05:26.866694+00	\N	UPDATE_FEATURE	\N	63
5	2026-12-01 19:05:26.866694+00	\N	DELETE_FEATURE	\N	64
5	2026-12-01 19:05:26.866694+00	\N	UPDATE_FEATURE_VARIANTS	\N	65
1	2026-12-01 19:05:26.866694+00	\N	ADMIN	\N	66
2	2026-12-01 19:05:26.933095+00	\N	MOVE_FEATURE_TOGGLE	\N	67
4	2026-12-01 19:05:26.933095+00	\N	MOVE_FEATURE_TOGGLE	\N	68
4	2026-12-01 19:05:31.846539+00	\N	UPDATE_PROJECT_CONTEXT	\N	101
4	2026-12-01 19:05:31.851761+00	\N	UPDATE_PROJECT_SEGMENT	\N	102
4	2026-12-01 19:05:32.390913+00	\N	UPDATE_PROJECT_RELEASE_TEMPLATE	\N	103
\.


--
-- Data for Name: role_user; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.role_user (role_id, user_id, created_at, project, created_by_user_id) FROM stdin;
1	1	2026-12-01 19:05:33.405278+00	default	\N
\.


--
-- Data for Name: roles; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.roles (id, name, description, type, created_at, updated_at, created_by_user_id) FROM stdin;
1	Admin	Users with the root admin role have superuser access to Unleash and can perform any operation within the Unleash platform.	root	2026-12-01 19:05:25.985198+00	\N	\N
2	Editor	Users with the root editor role have access to most features in Unleash, but can not manage users and roles in the root scope. Editors will be added as project owners when creating projects and get superuser rights within the context of these projects. Users with the editor role will also get access to most permissions on the default project by default.	root	2026-12-01 19:05:25.985198+00	\N	\N
3	Viewer	Users with the root viewer role can only read root resources in Unleash. Viewers can be added to specific projects as project members. Users with the viewer role may not view API tokens.	root	2026-12-01 19:05:25.985198+00	\N	\N
4	Owner	Users with the project owner role have full control over the project, and can add and manage other users within the project context, manage feature flags within the project, and control advanced project features like archiving and deleting the project.	project	2026-12-01 19:05:26.253098+00	\N	\N
5	Member	Users with the project member role are allowed to view, create, and update feature flags within a project, but have limited permissions in regards to managing the project's user access and can not archive or delete the project.	project	2026-12-01 19:05:26.253098+00	\N	\N
6	Reader	Users with the project reader role have read-only access to the project and cannot make changes.	project	2026-12-01 19:05:31.807648+00	\N	\N
\.


--
-- Data for Name: safeguards; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.safeguards (id, impact_metric_id, action, trigger_condition) FROM stdin;
\.


--
-- Data for Name: segments; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.segments (id, name, description, created_by, created_at, constraints, segment_project_id) FROM stdin;
\.


--
-- Data for Name: servicenow_change_references; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.servicenow_change_references (change_request_id, integration_id, sys_id, created_at) FROM stdin;
\.


--
-- Data for Name: settings; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.settings (name, content) FROM stdin;
unleash.secret	"fafe51355fd268e817cc29df0e9358c49bf066ef"
instanceInfo	{"id" : "96cd53e5-ef34-4557-a776-c14476532f46"}
login_history_retention	{"hours": 336}
\.


--
-- Data for Name: signal_endpoint_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.signal_endpoint_tokens (id, token, name, signal_endpoint_id, created_at, created_by_user_id) FROM stdin;
\.


--
-- Data for Name: signal_endpoints; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.signal_endpoints (id, enabled, name, created_at, created_by_user_id, description) FROM stdin;
\.


--
-- Data for Name: signals; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.signals (id, payload, created_at, source, source_id, created_by_source_token_id, announced) FROM stdin;
\.


--
-- Data for Name: stat_edge_observability; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.stat_edge_observability (instance_id, reported_at, app_name, started, edge_version, region, cpu_usage, memory_usage, connected_streaming_clients, connected_via, client_features_average_latency_ms, client_features_p99_latency_ms, frontend_api_average_latency_ms, frontend_api_p99_latency_ms, upstream_features_average_latency_ms, upstream_features_p99_latency_ms, upstream_metrics_average_latency_ms, upstream_metrics_p99_latency_ms, upstream_edge_average_latency_ms, upstream_edge_p99_latency_ms, hosting, api_key_revision_ids) FROM stdin;
\.


--
-- Data for Name: stat_edge_traffic_usage; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.stat_edge_traffic_usage (instance_id, day, traffic_group, count, status_code) FROM stdin;
\.


--
-- Data for Name: stat_environment_updates; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.stat_environment_updates (day, environment, updates) FROM stdin;
\.


--
-- Data for Name: stat_traffic_usage; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.stat_traffic_usage (day, traffic_group, status_code_series, count) FROM stdin;
\.


--
-- Data for Name: strategies; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.strategies (created_at, name, description, parameters, built_in, deprecated, sort_order, display_name, title) FROM stdin;
2026-12-01 19:05:25.510631+00	remoteAddress	Enable the feature for a specific set of IP addresses.	[{"name":"IPs","type":"list","description":"List of IPs to enable the feature toggle for.","required":true}]	1	f	3	IPs	\N
2026-12-01 19:05:25.510631+00	applicationHostname	Enable the feature for a specific set of hostnames.	[{"name":"hostNames","type":"list","description":"List of hostnames to enable the feature toggle for.","required":false}]	1	f	4	Hosts	\N
2026-12-01 19:05:24.978157+00	default	This strategy turns on / off for your entire userbase. Prefer using "Gradual rollout" strategy (100%=on, 0%=off).	[]	1	f	1	Standard	\N
2026-12-01 19:05:25.570917+00	flexibleRollout	Roll out to a percentage of your userbase, and ensure that the experience is the same for the user on each visit.	[{"name":"rollout","type":"percentage","description":"","required":false},{"name":"stickiness","type":"string","description":"Used define stickiness. Possible values: default, userId, sessionId, random","required":true},{"name":"groupId","type":"string","description":"Used to define a activation groups, which allows you to correlate across feature toggles.","required":true}]	1	f	0	Gradual rollout	\N
\.


--
-- Data for Name: tag_types; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.tag_types (name, description, icon, created_at, color) FROM stdin;
simple	Used to simplify filtering of features	#	2026-12-01 19:05:25.774708+00	#FFFFFF
\.


--
-- Data for Name: tags; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.tags (type, value, created_at) FROM stdin;
\.


--
-- Data for Name: unique_connections; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.unique_connections (id, updated_at, hll) FROM stdin;
\.


--
-- Data for Name: unknown_flags; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.unknown_flags (name, app_name, seen_at, environment) FROM stdin;
\.


--
-- Data for Name: unleash_session; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.unleash_session (sid, sess, created_at, expired) FROM stdin;
\.


--
-- Data for Name: used_passwords; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.used_passwords (user_id, password_hash, used_at) FROM stdin;
1	$2b$10$PqeB92PSXCMrPllV7aAshOzTmsSSKu7suWGIm41KSkyT/KEZ8oi9O	2026-12-01 19:05:33.352555+00
\.


--
-- Data for Name: user_access_requests; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_access_requests (id, email, requested_at) FROM stdin;
\.


--
-- Data for Name: user_feedback; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_feedback (user_id, feedback_id, given, nevershow) FROM stdin;
\.


--
-- Data for Name: user_notifications; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_notifications (notification_id, user_id, read_at) FROM stdin;
\.


--
-- Data for Name: user_splash; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_splash (user_id, splash_id, seen) FROM stdin;
\.


--
-- Data for Name: user_trends; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_trends (id, total_users, active_users, created_at) FROM stdin;
\.


--
-- Data for Name: user_unsubscription; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_unsubscription (user_id, subscription, created_at) FROM stdin;
\.


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.users (id, name, username, email, image_url, password_hash, login_attempts, created_at, seen_at, settings, permissions, deleted_at, is_service, created_by_user_id, is_system, scim_id, scim_external_id, first_seen_at, email_hash, updated_at, seat_type, company_role, product_updates_email_consent) FROM stdin;
-1337	Unleash System	unleash_system_user	\N	\N	\N	0	2026-12-01 19:05:28.892506	\N	\N	[]	\N	f	-1337	t	\N	\N	\N	\N	2026-12-01 19:05:28.892506+00	\N	\N	\N
-42	Unleash Admin Token User	unleash_admin_token	\N	\N	\N	0	2026-12-01 19:05:29.093875	\N	\N	[]	\N	f	-1337	t	\N	\N	\N	\N	2026-12-01 19:05:29.093875+00	\N	\N	\N
1	\N	admin	\N	\N	$2b$10$PqeB92PSXCMrPllV7aAshOzTmsSSKu7suWGIm41KSkyT/KEZ8oi9O	0	2026-12-01 19:05:32.891	\N	\N	[]	\N	f	\N	f	\N	\N	\N	\N	2026-12-01 19:05:33.330424+00	\N	\N	\N
\.


--
-- Name: action_set_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.action_set_events_id_seq', 1, false);


--
-- Name: action_sets_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.action_sets_id_seq', 1, false);


--
-- Name: actions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.actions_id_seq', 1, false);


--
-- Name: addons_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.addons_id_seq', 1, false);


--
-- Name: change_request_approvals_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.change_request_approvals_id_seq', 1, false);


--
-- Name: change_request_comments_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.change_request_comments_id_seq', 1, false);


--
-- Name: change_request_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.change_request_events_id_seq', 1, false);


--
-- Name: change_request_rejections_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.change_request_rejections_id_seq', 1, false);


--
-- Name: change_requests_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.change_requests_id_seq', 1, false);


--
-- Name: events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.events_id_seq', 4, true);


--
-- Name: feedback_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.feedback_id_seq', 1, false);


--
-- Name: groups_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.groups_id_seq', 1, false);


--
-- Name: incoming_webhook_tokens_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incoming_webhook_tokens_id_seq', 1, false);


--
-- Name: incoming_webhooks_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incoming_webhooks_id_seq', 1, false);


--
-- Name: integration_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.integration_events_id_seq', 1, false);


--
-- Name: login_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.login_events_id_seq', 1, false);


--
-- Name: message_banners_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.message_banners_id_seq', 1, false);


--
-- Name: migrations_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.migrations_id_seq', 397, true);


--
-- Name: notifications_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.notifications_id_seq', 1, false);


--
-- Name: observable_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.observable_events_id_seq', 1, false);


--
-- Name: permissions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.permissions_id_seq', 79, true);


--
-- Name: personal_access_tokens_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.personal_access_tokens_id_seq', 1, false);


--
-- Name: role_permission_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.role_permission_id_seq', 103, true);


--
-- Name: roles_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.roles_id_seq', 6, true);


--
-- Name: segments_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.segments_id_seq', 1, false);


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.users_id_seq', 1, true);


--
-- Name: action_set_events action_set_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.action_set_events
    ADD CONSTRAINT action_set_events_pkey PRIMARY KEY (id);


--
-- Name: action_sets action_sets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.action_sets
    ADD CONSTRAINT action_sets_pkey PRIMARY KEY (id);


--
-- Name: actions actions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.actions
    ADD CONSTRAINT actions_pkey PRIMARY KEY (id);


--
-- Name: addons addons_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.addons
    ADD CONSTRAINT addons_pkey PRIMARY KEY (id);


--
-- Name: api_token_project api_token_project_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token_project
    ADD CONSTRAINT api_token_project_pkey PRIMARY KEY (secret, project);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (secret);


--
-- Name: api_tokens_v2 api_tokens_v2_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens_v2
    ADD CONSTRAINT api_tokens_v2_pkey PRIMARY KEY (selector);


--
-- Name: api_tokens_v2_project api_tokens_v2_project_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens_v2_project
    ADD CONSTRAINT api_tokens_v2_project_pkey PRIMARY KEY (selector, project);


--
-- Name: cdn_tokens cdn_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cdn_tokens
    ADD CONSTRAINT cdn_tokens_pkey PRIMARY KEY (id);


--
-- Name: change_request_approvals change_request_approvals_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_approvals
    ADD CONSTRAINT change_request_approvals_pkey PRIMARY KEY (id);


--
-- Name: change_request_comments change_request_comments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_comments
    ADD CONSTRAINT change_request_comments_pkey PRIMARY KEY (id);


--
-- Name: change_request_events change_request_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_events
    ADD CONSTRAINT change_request_events_pkey PRIMARY KEY (id);


--
-- Name: change_request_rejections change_request_rejections_change_request_id_created_by_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_rejections
    ADD CONSTRAINT change_request_rejections_change_request_id_created_by_key UNIQUE (change_request_id, created_by);


--
-- Name: change_request_rejections change_request_rejections_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_rejections
    ADD CONSTRAINT change_request_rejections_pkey PRIMARY KEY (id);


--
-- Name: change_request_requested_approvers change_request_requested_approvers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_requested_approvers
    ADD CONSTRAINT change_request_requested_approvers_pkey PRIMARY KEY (change_request_id, user_id);


--
-- Name: change_request_schedule change_request_schedule_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_schedule
    ADD CONSTRAINT change_request_schedule_pkey PRIMARY KEY (change_request);


--
-- Name: change_request_settings change_request_settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_settings
    ADD CONSTRAINT change_request_settings_pkey PRIMARY KEY (project, environment);


--
-- Name: change_request_settings change_request_settings_project_environment_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_settings
    ADD CONSTRAINT change_request_settings_project_environment_key UNIQUE (project, environment);


--
-- Name: change_requests change_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_requests
    ADD CONSTRAINT change_requests_pkey PRIMARY KEY (id);


--
-- Name: client_applications client_applications_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_applications
    ADD CONSTRAINT client_applications_pkey PRIMARY KEY (app_name);


--
-- Name: client_applications_usage client_applications_usage_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_applications_usage
    ADD CONSTRAINT client_applications_usage_pkey PRIMARY KEY (app_name, project, environment);


--
-- Name: client_instances client_instances_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_instances
    ADD CONSTRAINT client_instances_pkey PRIMARY KEY (app_name, environment, instance_id);


--
-- Name: client_metrics_env_daily client_metrics_env_daily_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_metrics_env_daily
    ADD CONSTRAINT client_metrics_env_daily_pkey PRIMARY KEY (feature_name, app_name, environment, date);


--
-- Name: client_metrics_env client_metrics_env_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_metrics_env
    ADD CONSTRAINT client_metrics_env_pkey PRIMARY KEY (feature_name, app_name, environment, "timestamp");


--
-- Name: client_metrics_env_variants_daily client_metrics_env_variants_daily_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_metrics_env_variants_daily
    ADD CONSTRAINT client_metrics_env_variants_daily_pkey PRIMARY KEY (feature_name, app_name, environment, date, variant);


--
-- Name: client_metrics_env_variants client_metrics_env_variants_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_metrics_env_variants
    ADD CONSTRAINT client_metrics_env_variants_pkey PRIMARY KEY (feature_name, app_name, environment, "timestamp", variant);


--
-- Name: connection_count_consumption connection_count_consumption_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.connection_count_consumption
    ADD CONSTRAINT connection_count_consumption_pkey PRIMARY KEY (day, metered_group, origin);


--
-- Name: context_fields context_fields_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.context_fields
    ADD CONSTRAINT context_fields_pkey PRIMARY KEY (name);


--
-- Name: dependent_features dependent_features_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dependent_features
    ADD CONSTRAINT dependent_features_pkey PRIMARY KEY (parent, child);


--
-- Name: edge_api_tokens edge_api_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.edge_api_tokens
    ADD CONSTRAINT edge_api_tokens_pkey PRIMARY KEY (id);


--
-- Name: edge_hmac_clients edge_hmac_clients_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.edge_hmac_clients
    ADD CONSTRAINT edge_hmac_clients_pkey PRIMARY KEY (id);


--
-- Name: edge_hmac_nonces edge_hmac_nonces_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.edge_hmac_nonces
    ADD CONSTRAINT edge_hmac_nonces_pkey PRIMARY KEY (client_id, nonce);


--
-- Name: edge_node_presence edge_node_presence_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.edge_node_presence
    ADD CONSTRAINT edge_node_presence_pkey PRIMARY KEY (bucket_ts, node_ephem_id);


--
-- Name: emails_sent emails_sent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.emails_sent
    ADD CONSTRAINT emails_sent_pkey PRIMARY KEY (id, type);


--
-- Name: environment_type_trends environment_type_trends_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.environment_type_trends
    ADD CONSTRAINT environment_type_trends_pkey PRIMARY KEY (id, environment_type);


--
-- Name: environments environments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.environments
    ADD CONSTRAINT environments_pkey PRIMARY KEY (name);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);


--
-- Name: favorite_features favorite_features_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.favorite_features
    ADD CONSTRAINT favorite_features_pkey PRIMARY KEY (feature, user_id);


--
-- Name: favorite_projects favorite_projects_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.favorite_projects
    ADD CONSTRAINT favorite_projects_pkey PRIMARY KEY (project, user_id);


--
-- Name: feature_environment_safeguards feature_environment_safeguards_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_environment_safeguards
    ADD CONSTRAINT feature_environment_safeguards_pkey PRIMARY KEY (id);


--
-- Name: feature_environments feature_environments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_environments
    ADD CONSTRAINT feature_environments_pkey PRIMARY KEY (environment, feature_name);


--
-- Name: feature_lifecycles feature_lifecycles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_lifecycles
    ADD CONSTRAINT feature_lifecycles_pkey PRIMARY KEY (feature, stage);


--
-- Name: feature_link feature_link_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_link
    ADD CONSTRAINT feature_link_pkey PRIMARY KEY (id);


--
-- Name: feature_strategies feature_strategies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_strategies
    ADD CONSTRAINT feature_strategies_pkey PRIMARY KEY (id);


--
-- Name: feature_strategy_segment feature_strategy_segment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_strategy_segment
    ADD CONSTRAINT feature_strategy_segment_pkey PRIMARY KEY (feature_strategy_id, segment_id);


--
-- Name: feature_tag feature_tag_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_tag
    ADD CONSTRAINT feature_tag_pkey PRIMARY KEY (feature_name, tag_type, tag_value);


--
-- Name: feature_types feature_types_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_types
    ADD CONSTRAINT feature_types_pkey PRIMARY KEY (id);


--
-- Name: features features_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.features
    ADD CONSTRAINT features_pkey PRIMARY KEY (name);


--
-- Name: feedback feedback_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback
    ADD CONSTRAINT feedback_pkey PRIMARY KEY (id);


--
-- Name: flag_trends flag_trends_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flag_trends
    ADD CONSTRAINT flag_trends_pkey PRIMARY KEY (id, project);


--
-- Name: group_role group_role_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_role
    ADD CONSTRAINT group_role_pkey PRIMARY KEY (group_id, role_id, project);


--
-- Name: group_user group_user_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_user
    ADD CONSTRAINT group_user_pkey PRIMARY KEY (group_id, user_id);


--
-- Name: groups groups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.groups
    ADD CONSTRAINT groups_pkey PRIMARY KEY (id);


--
-- Name: impact_metrics impact_metrics_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.impact_metrics
    ADD CONSTRAINT impact_metrics_pkey PRIMARY KEY (id);


--
-- Name: signal_endpoint_tokens incoming_webhook_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.signal_endpoint_tokens
    ADD CONSTRAINT incoming_webhook_tokens_pkey PRIMARY KEY (id);


--
-- Name: signal_endpoints incoming_webhooks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.signal_endpoints
    ADD CONSTRAINT incoming_webhooks_pkey PRIMARY KEY (id);


--
-- Name: integration_events integration_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.integration_events
    ADD CONSTRAINT integration_events_pkey PRIMARY KEY (id);


--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (name, bucket);


--
-- Name: last_seen_at_metrics last_seen_at_metrics_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.last_seen_at_metrics
    ADD CONSTRAINT last_seen_at_metrics_pkey PRIMARY KEY (feature_name, environment);


--
-- Name: licensed_users licensed_users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.licensed_users
    ADD CONSTRAINT licensed_users_pkey PRIMARY KEY (date);


--
-- Name: lifecycle_trends lifecycle_trends_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lifecycle_trends
    ADD CONSTRAINT lifecycle_trends_pkey PRIMARY KEY (id, stage, flag_type, project);


--
-- Name: login_history login_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_history
    ADD CONSTRAINT login_events_pkey PRIMARY KEY (id);


--
-- Name: banners message_banners_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banners
    ADD CONSTRAINT message_banners_pkey PRIMARY KEY (id);


--
-- Name: migrations migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.migrations
    ADD CONSTRAINT migrations_pkey PRIMARY KEY (id);


--
-- Name: milestone_progressions milestone_progressions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_progressions
    ADD CONSTRAINT milestone_progressions_pkey PRIMARY KEY (source_milestone);


--
-- Name: milestone_strategies milestone_strategies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_strategies
    ADD CONSTRAINT milestone_strategies_pkey PRIMARY KEY (id);


--
-- Name: milestone_strategy_segments milestone_strategy_segments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_strategy_segments
    ADD CONSTRAINT milestone_strategy_segments_pkey PRIMARY KEY (segment_id, milestone_strategy_id);


--
-- Name: milestones milestones_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestones
    ADD CONSTRAINT milestones_pkey PRIMARY KEY (id);


--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);


--
-- Name: signals observable_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.signals
    ADD CONSTRAINT observable_events_pkey PRIMARY KEY (id);


--
-- Name: onboarding_events_instance onboarding_events_instance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.onboarding_events_instance
    ADD CONSTRAINT onboarding_events_instance_pkey PRIMARY KEY (event);


--
-- Name: onboarding_events_project onboarding_events_project_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.onboarding_events_project
    ADD CONSTRAINT onboarding_events_project_pkey PRIMARY KEY (event, project);


--
-- Name: permissions permission_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permissions
    ADD CONSTRAINT permission_unique UNIQUE (permission);


--
-- Name: permissions permissions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.permissions
    ADD CONSTRAINT permissions_pkey PRIMARY KEY (permission);


--
-- Name: personal_access_tokens personal_access_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_access_tokens
    ADD CONSTRAINT personal_access_tokens_pkey PRIMARY KEY (id);


--
-- Name: personal_access_tokens personal_access_tokens_selector_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_access_tokens
    ADD CONSTRAINT personal_access_tokens_selector_key UNIQUE (selector);


--
-- Name: project_client_metrics_trends project_client_metrics_trends_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_client_metrics_trends
    ADD CONSTRAINT project_client_metrics_trends_pkey PRIMARY KEY (project, date);


--
-- Name: project_environments project_environments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_environments
    ADD CONSTRAINT project_environments_pkey PRIMARY KEY (project_id, environment_name);


--
-- Name: project_settings project_settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_settings
    ADD CONSTRAINT project_settings_pkey PRIMARY KEY (project);


--
-- Name: project_stats project_stats_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_stats
    ADD CONSTRAINT project_stats_pkey PRIMARY KEY (project);


--
-- Name: project_stats project_stats_project_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_stats
    ADD CONSTRAINT project_stats_project_key UNIQUE (project);


--
-- Name: projects projects_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_pkey PRIMARY KEY (id);


--
-- Name: public_signup_tokens public_signup_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.public_signup_tokens
    ADD CONSTRAINT public_signup_tokens_pkey PRIMARY KEY (secret);


--
-- Name: public_signup_tokens_user public_signup_tokens_user_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.public_signup_tokens_user
    ADD CONSTRAINT public_signup_tokens_user_pkey PRIMARY KEY (secret, user_id);


--
-- Name: release_plan_definitions release_plan_definitions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_plan_definitions
    ADD CONSTRAINT release_plan_definitions_pkey PRIMARY KEY (id);


--
-- Name: release_plan_safeguards release_plan_safeguards_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_plan_safeguards
    ADD CONSTRAINT release_plan_safeguards_pkey PRIMARY KEY (id);


--
-- Name: request_count_consumption request_count_consumption_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.request_count_consumption
    ADD CONSTRAINT request_count_consumption_pkey PRIMARY KEY (day, metered_group, origin);


--
-- Name: reset_tokens reset_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reset_tokens
    ADD CONSTRAINT reset_tokens_pkey PRIMARY KEY (reset_token);


--
-- Name: role_permission role_permission_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_permission
    ADD CONSTRAINT role_permission_pkey PRIMARY KEY (id);


--
-- Name: role_user role_user_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_user
    ADD CONSTRAINT role_user_pkey PRIMARY KEY (role_id, user_id, project);


--
-- Name: roles roles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.roles
    ADD CONSTRAINT roles_pkey PRIMARY KEY (id);


--
-- Name: roles roles_type_name_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.roles
    ADD CONSTRAINT roles_type_name_unique UNIQUE (type, name);


--
-- Name: safeguards safeguards_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.safeguards
    ADD CONSTRAINT safeguards_pkey PRIMARY KEY (id);


--
-- Name: segments segments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segments
    ADD CONSTRAINT segments_pkey PRIMARY KEY (id);


--
-- Name: servicenow_change_references servicenow_change_references_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.servicenow_change_references
    ADD CONSTRAINT servicenow_change_references_pkey PRIMARY KEY (change_request_id, integration_id);


--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (name);


--
-- Name: stat_edge_observability stat_edge_observability_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stat_edge_observability
    ADD CONSTRAINT stat_edge_observability_pkey PRIMARY KEY (instance_id);


--
-- Name: stat_edge_traffic_usage stat_edge_traffic_usage_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stat_edge_traffic_usage
    ADD CONSTRAINT stat_edge_traffic_usage_pkey PRIMARY KEY (instance_id, traffic_group, day, status_code);


--
-- Name: stat_environment_updates stat_environment_updates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stat_environment_updates
    ADD CONSTRAINT stat_environment_updates_pkey PRIMARY KEY (day, environment);


--
-- Name: stat_traffic_usage stat_traffic_usage_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stat_traffic_usage
    ADD CONSTRAINT stat_traffic_usage_pkey PRIMARY KEY (day, traffic_group, status_code_series);


--
-- Name: strategies strategies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.strategies
    ADD CONSTRAINT strategies_pkey PRIMARY KEY (name);


--
-- Name: tag_types tag_types_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tag_types
    ADD CONSTRAINT tag_types_pkey PRIMARY KEY (name);


--
-- Name: tags tags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tags
    ADD CONSTRAINT tags_pkey PRIMARY KEY (type, value);


--
-- Name: change_request_approvals unique_approvals; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_approvals
    ADD CONSTRAINT unique_approvals UNIQUE (change_request_id, created_by);


--
-- Name: unique_connections unique_connections_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unique_connections
    ADD CONSTRAINT unique_connections_pkey PRIMARY KEY (id);


--
-- Name: unknown_flags unknown_flags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unknown_flags
    ADD CONSTRAINT unknown_flags_pkey PRIMARY KEY (name, app_name, environment);


--
-- Name: unleash_session unleash_session_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unleash_session
    ADD CONSTRAINT unleash_session_pkey PRIMARY KEY (sid);


--
-- Name: used_passwords used_passwords_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.used_passwords
    ADD CONSTRAINT used_passwords_pkey PRIMARY KEY (user_id, password_hash);


--
-- Name: user_access_requests user_access_requests_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_access_requests
    ADD CONSTRAINT user_access_requests_email_key UNIQUE (email);


--
-- Name: user_access_requests user_access_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_access_requests
    ADD CONSTRAINT user_access_requests_pkey PRIMARY KEY (id);


--
-- Name: user_feedback user_feedback_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_feedback
    ADD CONSTRAINT user_feedback_pkey PRIMARY KEY (user_id, feedback_id);


--
-- Name: user_notifications user_notifications_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_notifications
    ADD CONSTRAINT user_notifications_pkey PRIMARY KEY (notification_id, user_id);


--
-- Name: user_splash user_splash_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_splash
    ADD CONSTRAINT user_splash_pkey PRIMARY KEY (user_id, splash_id);


--
-- Name: user_trends user_trends_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_trends
    ADD CONSTRAINT user_trends_pkey PRIMARY KEY (id);


--
-- Name: user_unsubscription user_unsubscription_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_unsubscription
    ADD CONSTRAINT user_unsubscription_pkey PRIMARY KEY (user_id, subscription);


--
-- Name: users users_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_email_key UNIQUE (email);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users users_username_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_username_key UNIQUE (username);


--
-- Name: change_request_requested_approvers_cr_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX change_request_requested_approvers_cr_id_idx ON public.change_request_requested_approvers USING btree (change_request_id);


--
-- Name: change_request_requested_approvers_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX change_request_requested_approvers_user_id_idx ON public.change_request_requested_approvers USING btree (user_id);


--
-- Name: client_instances_environment_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX client_instances_environment_idx ON public.client_instances USING btree (environment);


--
-- Name: cr_req_approvers_notified_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cr_req_approvers_notified_at_idx ON public.change_request_requested_approvers USING btree (notified_at);


--
-- Name: edge_api_token_scope_uniq_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX edge_api_token_scope_uniq_idx ON public.edge_api_tokens USING btree (client_id, scope_hash) WHERE (revoked_at IS NULL);


--
-- Name: edge_api_tokens_token_value_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX edge_api_tokens_token_value_idx ON public.edge_api_tokens USING btree (token_value);


--
-- Name: edge_hmac_nonces_client_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX edge_hmac_nonces_client_id_idx ON public.edge_hmac_nonces USING btree (client_id);


--
-- Name: edge_hmac_nonces_nonce_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX edge_hmac_nonces_nonce_idx ON public.edge_hmac_nonces USING btree (nonce);


--
-- Name: edge_node_presence_brin; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX edge_node_presence_brin ON public.edge_node_presence USING brin (bucket_ts);


--
-- Name: edge_node_presence_node_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX edge_node_presence_node_hash ON public.edge_node_presence USING hash (node_ephem_id);


--
-- Name: edge_observability_app_name_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX edge_observability_app_name_idx ON public.stat_edge_observability USING btree (app_name) WHERE (app_name IS NOT NULL);


--
-- Name: edge_observability_connected_via_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX edge_observability_connected_via_idx ON public.stat_edge_observability USING btree (connected_via) WHERE (connected_via IS NOT NULL);


--
-- Name: events_created_by_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX events_created_by_user_id_idx ON public.events USING btree (created_by_user_id);


--
-- Name: events_environment_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX events_environment_idx ON public.events USING btree (environment);


--
-- Name: events_project_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX events_project_idx ON public.events USING btree (project);


--
-- Name: events_unannounced_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX events_unannounced_idx ON public.events USING btree (announced) WHERE (announced = false);


--
-- Name: feature_environments_feature_name_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feature_environments_feature_name_idx ON public.feature_environments USING btree (feature_name);


--
-- Name: feature_name_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feature_name_idx ON public.events USING btree (feature_name);


--
-- Name: feature_strategies_environment_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feature_strategies_environment_idx ON public.feature_strategies USING btree (environment);


--
-- Name: feature_strategies_feature_name_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feature_strategies_feature_name_idx ON public.feature_strategies USING btree (feature_name);


--
-- Name: feature_strategy_segment_segment_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feature_strategy_segment_segment_id_index ON public.feature_strategy_segment USING btree (segment_id);


--
-- Name: feature_tag_tag_type_and_value_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feature_tag_tag_type_and_value_idx ON public.feature_tag USING btree (tag_type, tag_value);


--
-- Name: groups_group_name_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX groups_group_name_idx ON public.groups USING btree (name);


--
-- Name: groups_scim_external_id_uniq_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX groups_scim_external_id_uniq_idx ON public.groups USING btree (scim_external_id) WHERE (scim_external_id IS NOT NULL);


--
-- Name: groups_scim_id_unique_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX groups_scim_id_unique_idx ON public.groups USING btree (scim_id) WHERE (scim_id IS NOT NULL);


--
-- Name: idx_action_set_events_action_set_id_state; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_action_set_events_action_set_id_state ON public.action_set_events USING btree (action_set_id, state);


--
-- Name: idx_action_set_events_signal_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_action_set_events_signal_id ON public.action_set_events USING btree (signal_id);


--
-- Name: idx_action_sets_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_action_sets_project ON public.action_sets USING btree (project);


--
-- Name: idx_client_applications_announced_false; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_client_applications_announced_false ON public.client_applications USING btree (announced) WHERE (announced = false);


--
-- Name: idx_client_metrics_f_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_client_metrics_f_name ON public.client_metrics_env USING btree (feature_name);


--
-- Name: idx_events_created_at_desc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_events_created_at_desc ON public.events USING btree (created_at DESC);


--
-- Name: idx_events_feature_type_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_events_feature_type_id ON public.events USING btree (id) WHERE ((feature_name IS NOT NULL) OR ((type)::text = ANY ((ARRAY['segment-updated'::character varying, 'feature_import'::character varying, 'features-imported'::character varying])::text[])));


--
-- Name: idx_events_project_feature_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_events_project_feature_created ON public.events USING btree (project, feature_name, created_at DESC);


--
-- Name: idx_events_type; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_events_type ON public.events USING btree (type);


--
-- Name: idx_feature_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_feature_name ON public.last_seen_at_metrics USING btree (feature_name);


--
-- Name: idx_feature_strategies_milestone_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_feature_strategies_milestone_id ON public.feature_strategies USING btree (milestone_id) WHERE (milestone_id IS NOT NULL);


--
-- Name: idx_integration_events_integration_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_integration_events_integration_id ON public.integration_events USING btree (integration_id);


--
-- Name: idx_job_finished; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_job_finished ON public.jobs USING btree (finished_at);


--
-- Name: idx_job_stage; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_job_stage ON public.jobs USING btree (stage);


--
-- Name: idx_milestone_strategies_strategy_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_milestone_strategies_strategy_name ON public.milestone_strategies USING btree (strategy_name);


--
-- Name: idx_milestones_release_plan_definition_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_milestones_release_plan_definition_id ON public.milestones USING btree (release_plan_definition_id);


--
-- Name: idx_release_plan_definitions_created_by_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_release_plan_definitions_created_by_user_id ON public.release_plan_definitions USING btree (created_by_user_id);


--
-- Name: idx_release_plan_template_definition_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_release_plan_template_definition_id ON public.release_plan_definitions USING btree (release_plan_template_id) WHERE (release_plan_template_id IS NOT NULL);


--
-- Name: idx_signal_endpoint_tokens_signal_endpoint_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_signal_endpoint_tokens_signal_endpoint_id ON public.signal_endpoint_tokens USING btree (signal_endpoint_id);


--
-- Name: idx_signal_endpoints_enabled; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_signal_endpoints_enabled ON public.signal_endpoints USING btree (enabled);


--
-- Name: idx_signals_created_by_source_token_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_signals_created_by_source_token_id ON public.signals USING btree (created_by_source_token_id);


--
-- Name: idx_signals_source_and_source_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_signals_source_and_source_id ON public.signals USING btree (source, source_id);


--
-- Name: idx_signals_unannounced; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_signals_unannounced ON public.signals USING btree (announced) WHERE (announced = false);


--
-- Name: idx_uniq_release_plan_definitions_discriminator_template; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idx_uniq_release_plan_definitions_discriminator_template ON public.release_plan_definitions USING btree (name) WHERE (discriminator = 'template'::text);


--
-- Name: idx_unleash_session_expired; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_unleash_session_expired ON public.unleash_session USING btree (expired);


--
-- Name: idx_users_only_updated_at_desc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_users_only_updated_at_desc ON public.users USING btree (updated_at DESC) WHERE ((is_system = false) AND (is_service = false));


--
-- Name: login_events_ip_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX login_events_ip_idx ON public.login_history USING btree (ip);


--
-- Name: personal_access_tokens_secret_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personal_access_tokens_secret_idx ON public.personal_access_tokens USING btree (secret);


--
-- Name: personal_access_tokens_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personal_access_tokens_user_id_idx ON public.personal_access_tokens USING btree (user_id);


--
-- Name: project_environments_environment_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX project_environments_environment_idx ON public.project_environments USING btree (environment_name);


--
-- Name: reset_tokens_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reset_tokens_user_id_idx ON public.reset_tokens USING btree (user_id);


--
-- Name: role_permission_role_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX role_permission_role_id_idx ON public.role_permission USING btree (role_id);


--
-- Name: role_user_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX role_user_user_id_idx ON public.role_user USING btree (user_id);


--
-- Name: segments_name_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX segments_name_index ON public.segments USING btree (name);


--
-- Name: servicenow_change_references_sys_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX servicenow_change_references_sys_id_idx ON public.servicenow_change_references USING btree (sys_id);


--
-- Name: stat_edge_traffic_usage_day_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX stat_edge_traffic_usage_day_idx ON public.stat_edge_traffic_usage USING btree (day);


--
-- Name: stat_edge_traffic_usage_traffic_group_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX stat_edge_traffic_usage_traffic_group_idx ON public.stat_edge_traffic_usage USING btree (traffic_group);


--
-- Name: stat_edge_traffic_usage_traffic_group_status_code_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX stat_edge_traffic_usage_traffic_group_status_code_idx ON public.stat_edge_traffic_usage USING btree (status_code, traffic_group);


--
-- Name: stat_traffic_usage_day_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX stat_traffic_usage_day_idx ON public.stat_traffic_usage USING btree (day);


--
-- Name: stat_traffic_usage_status_code_series_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX stat_traffic_usage_status_code_series_idx ON public.stat_traffic_usage USING btree (status_code_series);


--
-- Name: stat_traffic_usage_traffic_group_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX stat_traffic_usage_traffic_group_idx ON public.stat_traffic_usage USING btree (traffic_group);


--
-- Name: unique_pending_request_per_user_project_env; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX unique_pending_request_per_user_project_env ON public.change_requests USING btree (created_by, project, environment) WHERE ((state)::text <> ALL ((ARRAY['Applied'::character varying, 'Cancelled'::character varying, 'Rejected'::character varying, 'Scheduled'::character varying])::text[]));


--
-- Name: used_passwords_pw_hash_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX used_passwords_pw_hash_idx ON public.used_passwords USING btree (password_hash);


--
-- Name: user_feedback_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_feedback_user_id_idx ON public.user_feedback USING btree (user_id);


--
-- Name: user_splash_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_splash_user_id_idx ON public.user_splash USING btree (user_id);


--
-- Name: users_email_hash_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX users_email_hash_idx ON public.users USING btree (email_hash);


--
-- Name: users_scim_external_id_uniq_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX users_scim_external_id_uniq_idx ON public.users USING btree (scim_external_id) WHERE (scim_external_id IS NOT NULL);


--
-- Name: users_scim_id_unique_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX users_scim_id_unique_idx ON public.users USING btree (scim_id) WHERE (scim_id IS NOT NULL);


--
-- Name: users trg_set_users_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_set_users_updated_at BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.set_users_updated_at();


--
-- Name: events unleash_update_stat_environment_changes; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER unleash_update_stat_environment_changes AFTER INSERT ON public.events FOR EACH ROW EXECUTE FUNCTION public.unleash_update_stat_environment_changes_counter();


--
-- Name: action_sets action_sets_project_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.action_sets
    ADD CONSTRAINT action_sets_project_fkey FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: actions actions_action_set_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.actions
    ADD CONSTRAINT actions_action_set_id_fkey FOREIGN KEY (action_set_id) REFERENCES public.action_sets(id) ON DELETE CASCADE;


--
-- Name: api_token_project api_token_project_project_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token_project
    ADD CONSTRAINT api_token_project_project_fkey FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: api_token_project api_token_project_secret_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token_project
    ADD CONSTRAINT api_token_project_secret_fkey FOREIGN KEY (secret) REFERENCES public.api_tokens(secret) ON DELETE CASCADE;


--
-- Name: api_tokens_v2 api_tokens_v2_environment_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens_v2
    ADD CONSTRAINT api_tokens_v2_environment_fkey FOREIGN KEY (environment) REFERENCES public.environments(name);


--
-- Name: api_tokens_v2_project api_tokens_v2_project_project_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens_v2_project
    ADD CONSTRAINT api_tokens_v2_project_project_fkey FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: api_tokens_v2_project api_tokens_v2_project_selector_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens_v2_project
    ADD CONSTRAINT api_tokens_v2_project_selector_fkey FOREIGN KEY (selector) REFERENCES public.api_tokens_v2(selector) ON DELETE CASCADE;


--
-- Name: change_request_approvals change_request_approvals_change_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_approvals
    ADD CONSTRAINT change_request_approvals_change_request_id_fkey FOREIGN KEY (change_request_id) REFERENCES public.change_requests(id) ON DELETE CASCADE;


--
-- Name: change_request_approvals change_request_approvals_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_approvals
    ADD CONSTRAINT change_request_approvals_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: change_request_comments change_request_comments_change_request_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_comments
    ADD CONSTRAINT change_request_comments_change_request_fkey FOREIGN KEY (change_request) REFERENCES public.change_requests(id) ON DELETE CASCADE;


--
-- Name: change_request_comments change_request_comments_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_comments
    ADD CONSTRAINT change_request_comments_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: change_request_events change_request_events_change_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_events
    ADD CONSTRAINT change_request_events_change_request_id_fkey FOREIGN KEY (change_request_id) REFERENCES public.change_requests(id) ON DELETE CASCADE;


--
-- Name: change_request_events change_request_events_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_events
    ADD CONSTRAINT change_request_events_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: change_request_events change_request_events_feature_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_events
    ADD CONSTRAINT change_request_events_feature_fkey FOREIGN KEY (feature) REFERENCES public.features(name) ON DELETE CASCADE;


--
-- Name: change_request_rejections change_request_rejections_change_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_rejections
    ADD CONSTRAINT change_request_rejections_change_request_id_fkey FOREIGN KEY (change_request_id) REFERENCES public.change_requests(id) ON DELETE CASCADE;


--
-- Name: change_request_rejections change_request_rejections_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_rejections
    ADD CONSTRAINT change_request_rejections_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: change_request_requested_approvers change_request_requested_approvers_change_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_requested_approvers
    ADD CONSTRAINT change_request_requested_approvers_change_request_id_fkey FOREIGN KEY (change_request_id) REFERENCES public.change_requests(id) ON DELETE CASCADE;


--
-- Name: change_request_requested_approvers change_request_requested_approvers_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_requested_approvers
    ADD CONSTRAINT change_request_requested_approvers_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: change_request_schedule change_request_schedule_change_request_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_schedule
    ADD CONSTRAINT change_request_schedule_change_request_fkey FOREIGN KEY (change_request) REFERENCES public.change_requests(id) ON DELETE CASCADE;


--
-- Name: change_request_schedule change_request_schedule_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_schedule
    ADD CONSTRAINT change_request_schedule_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: change_request_settings change_request_settings_environment_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_settings
    ADD CONSTRAINT change_request_settings_environment_fkey FOREIGN KEY (environment) REFERENCES public.environments(name) ON DELETE CASCADE;


--
-- Name: change_request_settings change_request_settings_project_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_request_settings
    ADD CONSTRAINT change_request_settings_project_fkey FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: change_requests change_requests_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_requests
    ADD CONSTRAINT change_requests_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: change_requests change_requests_environment_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_requests
    ADD CONSTRAINT change_requests_environment_fkey FOREIGN KEY (environment) REFERENCES public.environments(name) ON DELETE CASCADE;


--
-- Name: change_requests change_requests_project_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_requests
    ADD CONSTRAINT change_requests_project_fkey FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: client_applications_usage client_applications_usage_app_name_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_applications_usage
    ADD CONSTRAINT client_applications_usage_app_name_fkey FOREIGN KEY (app_name) REFERENCES public.client_applications(app_name) ON DELETE CASCADE;


--
-- Name: client_metrics_env_variants_daily client_metrics_env_variants_d_feature_name_app_name_enviro_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_metrics_env_variants_daily
    ADD CONSTRAINT client_metrics_env_variants_d_feature_name_app_name_enviro_fkey FOREIGN KEY (feature_name, app_name, environment, date) REFERENCES public.client_metrics_env_daily(feature_name, app_name, environment, date) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: client_metrics_env_variants client_metrics_env_variants_feature_name_app_name_environm_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_metrics_env_variants
    ADD CONSTRAINT client_metrics_env_variants_feature_name_app_name_environm_fkey FOREIGN KEY (feature_name, app_name, environment, "timestamp") REFERENCES public.client_metrics_env(feature_name, app_name, environment, "timestamp") ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: context_fields context_fields_project_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.context_fields
    ADD CONSTRAINT context_fields_project_fkey FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: dependent_features dependent_features_child_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dependent_features
    ADD CONSTRAINT dependent_features_child_fkey FOREIGN KEY (child) REFERENCES public.features(name) ON DELETE CASCADE;


--
-- Name: dependent_features dependent_features_parent_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dependent_features
    ADD CONSTRAINT dependent_features_parent_fkey FOREIGN KEY (parent) REFERENCES public.features(name) ON DELETE RESTRICT;


--
-- Name: edge_api_tokens edge_api_tokens_client_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.edge_api_tokens
    ADD CONSTRAINT edge_api_tokens_client_id_fkey FOREIGN KEY (client_id) REFERENCES public.edge_hmac_clients(id) ON DELETE CASCADE;


--
-- Name: edge_api_tokens edge_api_tokens_token_value_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.edge_api_tokens
    ADD CONSTRAINT edge_api_tokens_token_value_fkey FOREIGN KEY (token_value) REFERENCES public.api_tokens(secret);


--
-- Name: edge_hmac_nonces edge_hmac_nonces_client_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.edge_hmac_nonces
    ADD CONSTRAINT edge_hmac_nonces_client_id_fkey FOREIGN KEY (client_id) REFERENCES public.edge_hmac_clients(id) ON DELETE CASCADE;


--
-- Name: favorite_features favorite_features_feature_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.favorite_features
    ADD CONSTRAINT favorite_features_feature_fkey FOREIGN KEY (feature) REFERENCES public.features(name) ON DELETE CASCADE;


--
-- Name: favorite_features favorite_features_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.favorite_features
    ADD CONSTRAINT favorite_features_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: favorite_projects favorite_projects_project_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.favorite_projects
    ADD CONSTRAINT favorite_projects_project_fkey FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: favorite_projects favorite_projects_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.favorite_projects
    ADD CONSTRAINT favorite_projects_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: feature_environment_safeguards feature_environment_safeguards_environment_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_environment_safeguards
    ADD CONSTRAINT feature_environment_safeguards_environment_fkey FOREIGN KEY (environment) REFERENCES public.environments(name) ON DELETE CASCADE;


--
-- Name: feature_environment_safeguards feature_environment_safeguards_feature_name_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_environment_safeguards
    ADD CONSTRAINT feature_environment_safeguards_feature_name_fkey FOREIGN KEY (feature_name) REFERENCES public.features(name) ON DELETE CASCADE;


--
-- Name: feature_environment_safeguards feature_environment_safeguards_impact_metric_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_environment_safeguards
    ADD CONSTRAINT feature_environment_safeguards_impact_metric_id_fkey FOREIGN KEY (impact_metric_id) REFERENCES public.impact_metrics(id) ON DELETE CASCADE;


--
-- Name: feature_environments feature_environments_environment_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_environments
    ADD CONSTRAINT feature_environments_environment_fkey FOREIGN KEY (environment) REFERENCES public.environments(name) ON DELETE CASCADE;


--
-- Name: feature_environments feature_environments_feature_name_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_environments
    ADD CONSTRAINT feature_environments_feature_name_fkey FOREIGN KEY (feature_name) REFERENCES public.features(name) ON DELETE CASCADE;


--
-- Name: feature_lifecycles feature_lifecycles_feature_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_lifecycles
    ADD CONSTRAINT feature_lifecycles_feature_fkey FOREIGN KEY (feature) REFERENCES public.features(name) ON DELETE CASCADE;


--
-- Name: feature_link feature_link_feature_name_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_link
    ADD CONSTRAINT feature_link_feature_name_fkey FOREIGN KEY (feature_name) REFERENCES public.features(name) ON DELETE CASCADE;


--
-- Name: feature_strategies feature_strategies_environment_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_strategies
    ADD CONSTRAINT feature_strategies_environment_fkey FOREIGN KEY (environment) REFERENCES public.environments(name) ON DELETE CASCADE;


--
-- Name: feature_strategies feature_strategies_feature_name_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_strategies
    ADD CONSTRAINT feature_strategies_feature_name_fkey FOREIGN KEY (feature_name) REFERENCES public.features(name) ON DELETE CASCADE;


--
-- Name: feature_strategies feature_strategies_milestone_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_strategies
    ADD CONSTRAINT feature_strategies_milestone_id_fkey FOREIGN KEY (milestone_id) REFERENCES public.milestones(id) ON DELETE CASCADE;


--
-- Name: feature_strategy_segment feature_strategy_segment_feature_strategy_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_strategy_segment
    ADD CONSTRAINT feature_strategy_segment_feature_strategy_id_fkey FOREIGN KEY (feature_strategy_id) REFERENCES public.feature_strategies(id) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: feature_strategy_segment feature_strategy_segment_segment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_strategy_segment
    ADD CONSTRAINT feature_strategy_segment_segment_id_fkey FOREIGN KEY (segment_id) REFERENCES public.segments(id) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: feature_tag feature_tag_feature_name_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_tag
    ADD CONSTRAINT feature_tag_feature_name_fkey FOREIGN KEY (feature_name) REFERENCES public.features(name) ON DELETE CASCADE;


--
-- Name: feature_tag feature_tag_tag_type_tag_value_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feature_tag
    ADD CONSTRAINT feature_tag_tag_type_tag_value_fkey FOREIGN KEY (tag_type, tag_value) REFERENCES public.tags(type, value) ON DELETE CASCADE;


--
-- Name: groups fk_group_role_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.groups
    ADD CONSTRAINT fk_group_role_id FOREIGN KEY (root_role_id) REFERENCES public.roles(id);


--
-- Name: group_role fk_group_role_project; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_role
    ADD CONSTRAINT fk_group_role_project FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: role_permission fk_role_permission_environment; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_permission
    ADD CONSTRAINT fk_role_permission_environment FOREIGN KEY (environment) REFERENCES public.environments(name) ON DELETE CASCADE;


--
-- Name: role_permission fk_role_permission_permission; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_permission
    ADD CONSTRAINT fk_role_permission_permission FOREIGN KEY (permission) REFERENCES public.permissions(permission) ON DELETE CASCADE;


--
-- Name: group_role group_role_group_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_role
    ADD CONSTRAINT group_role_group_id_fkey FOREIGN KEY (group_id) REFERENCES public.groups(id) ON DELETE CASCADE;


--
-- Name: group_role group_role_role_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_role
    ADD CONSTRAINT group_role_role_id_fkey FOREIGN KEY (role_id) REFERENCES public.roles(id) ON DELETE CASCADE;


--
-- Name: group_user group_user_group_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_user
    ADD CONSTRAINT group_user_group_id_fkey FOREIGN KEY (group_id) REFERENCES public.groups(id) ON DELETE CASCADE;


--
-- Name: group_user group_user_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_user
    ADD CONSTRAINT group_user_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: impact_metrics impact_metrics_feature_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.impact_metrics
    ADD CONSTRAINT impact_metrics_feature_fkey FOREIGN KEY (feature) REFERENCES public.features(name) ON DELETE CASCADE;


--
-- Name: signal_endpoint_tokens incoming_webhook_tokens_incoming_webhook_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.signal_endpoint_tokens
    ADD CONSTRAINT incoming_webhook_tokens_incoming_webhook_id_fkey FOREIGN KEY (signal_endpoint_id) REFERENCES public.signal_endpoints(id) ON DELETE CASCADE;


--
-- Name: integration_events integration_events_integration_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.integration_events
    ADD CONSTRAINT integration_events_integration_id_fkey FOREIGN KEY (integration_id) REFERENCES public.addons(id) ON DELETE CASCADE;


--
-- Name: lifecycle_trends lifecycle_trends_flag_type_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lifecycle_trends
    ADD CONSTRAINT lifecycle_trends_flag_type_fkey FOREIGN KEY (flag_type) REFERENCES public.feature_types(id) ON DELETE CASCADE;


--
-- Name: lifecycle_trends lifecycle_trends_project_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lifecycle_trends
    ADD CONSTRAINT lifecycle_trends_project_fkey FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: milestone_progressions milestone_progressions_source_milestone_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_progressions
    ADD CONSTRAINT milestone_progressions_source_milestone_fkey FOREIGN KEY (source_milestone) REFERENCES public.milestones(id) ON DELETE CASCADE;


--
-- Name: milestone_progressions milestone_progressions_target_milestone_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_progressions
    ADD CONSTRAINT milestone_progressions_target_milestone_fkey FOREIGN KEY (target_milestone) REFERENCES public.milestones(id) ON DELETE CASCADE;


--
-- Name: milestone_strategies milestone_strategies_milestone_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_strategies
    ADD CONSTRAINT milestone_strategies_milestone_id_fkey FOREIGN KEY (milestone_id) REFERENCES public.milestones(id) ON DELETE CASCADE;


--
-- Name: milestone_strategies milestone_strategies_strategy_name_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_strategies
    ADD CONSTRAINT milestone_strategies_strategy_name_fkey FOREIGN KEY (strategy_name) REFERENCES public.strategies(name);


--
-- Name: milestone_strategy_segments milestone_strategy_segments_milestone_strategy_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_strategy_segments
    ADD CONSTRAINT milestone_strategy_segments_milestone_strategy_id_fkey FOREIGN KEY (milestone_strategy_id) REFERENCES public.milestone_strategies(id) ON DELETE CASCADE;


--
-- Name: milestone_strategy_segments milestone_strategy_segments_segment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_strategy_segments
    ADD CONSTRAINT milestone_strategy_segments_segment_id_fkey FOREIGN KEY (segment_id) REFERENCES public.segments(id) ON DELETE CASCADE;


--
-- Name: milestones milestones_release_plan_definition_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestones
    ADD CONSTRAINT milestones_release_plan_definition_id_fkey FOREIGN KEY (release_plan_definition_id) REFERENCES public.release_plan_definitions(id) ON DELETE CASCADE;


--
-- Name: notifications notifications_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.events(id) ON DELETE CASCADE;


--
-- Name: onboarding_events_project onboarding_events_project_project_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.onboarding_events_project
    ADD CONSTRAINT onboarding_events_project_project_fkey FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: personal_access_tokens personal_access_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_access_tokens
    ADD CONSTRAINT personal_access_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: project_environments project_environments_environment_name_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_environments
    ADD CONSTRAINT project_environments_environment_name_fkey FOREIGN KEY (environment_name) REFERENCES public.environments(name) ON DELETE CASCADE;


--
-- Name: project_environments project_environments_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_environments
    ADD CONSTRAINT project_environments_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: project_settings project_settings_project_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_settings
    ADD CONSTRAINT project_settings_project_fkey FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: project_stats project_stats_project_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_stats
    ADD CONSTRAINT project_stats_project_fkey FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: public_signup_tokens public_signup_tokens_role_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.public_signup_tokens
    ADD CONSTRAINT public_signup_tokens_role_id_fkey FOREIGN KEY (role_id) REFERENCES public.roles(id) ON DELETE CASCADE;


--
-- Name: public_signup_tokens_user public_signup_tokens_user_secret_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.public_signup_tokens_user
    ADD CONSTRAINT public_signup_tokens_user_secret_fkey FOREIGN KEY (secret) REFERENCES public.public_signup_tokens(secret) ON DELETE CASCADE;


--
-- Name: public_signup_tokens_user public_signup_tokens_user_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.public_signup_tokens_user
    ADD CONSTRAINT public_signup_tokens_user_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: release_plan_definitions release_plan_definitions_active_milestone_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_plan_definitions
    ADD CONSTRAINT release_plan_definitions_active_milestone_id_fkey FOREIGN KEY (active_milestone_id) REFERENCES public.milestones(id);


--
-- Name: release_plan_definitions release_plan_definitions_environment_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_plan_definitions
    ADD CONSTRAINT release_plan_definitions_environment_fkey FOREIGN KEY (environment) REFERENCES public.environments(name) ON DELETE CASCADE;


--
-- Name: release_plan_definitions release_plan_definitions_feature_name_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_plan_definitions
    ADD CONSTRAINT release_plan_definitions_feature_name_fkey FOREIGN KEY (feature_name) REFERENCES public.features(name) ON DELETE CASCADE;


--
-- Name: release_plan_definitions release_plan_definitions_project_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_plan_definitions
    ADD CONSTRAINT release_plan_definitions_project_fkey FOREIGN KEY (project) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: release_plan_definitions release_plan_definitions_release_plan_template_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_plan_definitions
    ADD CONSTRAINT release_plan_definitions_release_plan_template_id_fkey FOREIGN KEY (release_plan_template_id) REFERENCES public.release_plan_definitions(id) ON DELETE CASCADE;


--
-- Name: release_plan_safeguards release_plan_safeguards_environment_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_plan_safeguards
    ADD CONSTRAINT release_plan_safeguards_environment_fkey FOREIGN KEY (environment) REFERENCES public.environments(name) ON DELETE CASCADE;


--
-- Name: release_plan_safeguards release_plan_safeguards_feature_name_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_plan_safeguards
    ADD CONSTRAINT release_plan_safeguards_feature_name_fkey FOREIGN KEY (feature_name) REFERENCES public.features(name) ON DELETE CASCADE;


--
-- Name: release_plan_safeguards release_plan_safeguards_impact_metric_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_plan_safeguards
    ADD CONSTRAINT release_plan_safeguards_impact_metric_id_fkey FOREIGN KEY (impact_metric_id) REFERENCES public.impact_metrics(id) ON DELETE CASCADE;


--
-- Name: release_plan_safeguards release_plan_safeguards_release_plan_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_plan_safeguards
    ADD CONSTRAINT release_plan_safeguards_release_plan_id_fkey FOREIGN KEY (release_plan_id) REFERENCES public.release_plan_definitions(id) ON DELETE CASCADE;


--
-- Name: reset_tokens reset_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reset_tokens
    ADD CONSTRAINT reset_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: role_permission role_permission_role_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_permission
    ADD CONSTRAINT role_permission_role_id_fkey FOREIGN KEY (role_id) REFERENCES public.roles(id) ON DELETE CASCADE;


--
-- Name: role_user role_user_role_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_user
    ADD CONSTRAINT role_user_role_id_fkey FOREIGN KEY (role_id) REFERENCES public.roles(id) ON DELETE CASCADE;


--
-- Name: role_user role_user_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_user
    ADD CONSTRAINT role_user_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: safeguards safeguards_impact_metric_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.safeguards
    ADD CONSTRAINT safeguards_impact_metric_id_fkey FOREIGN KEY (impact_metric_id) REFERENCES public.impact_metrics(id) ON DELETE CASCADE;


--
-- Name: segments segments_segment_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segments
    ADD CONSTRAINT segments_segment_project_id_fkey FOREIGN KEY (segment_project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: servicenow_change_references servicenow_change_references_change_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.servicenow_change_references
    ADD CONSTRAINT servicenow_change_references_change_request_id_fkey FOREIGN KEY (change_request_id) REFERENCES public.change_requests(id) ON DELETE CASCADE;


--
-- Name: servicenow_change_references servicenow_change_references_integration_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.servicenow_change_references
    ADD CONSTRAINT servicenow_change_references_integration_id_fkey FOREIGN KEY (integration_id) REFERENCES public.addons(id) ON DELETE CASCADE;


--
-- Name: tags tags_type_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tags
    ADD CONSTRAINT tags_type_fkey FOREIGN KEY (type) REFERENCES public.tag_types(name) ON DELETE CASCADE;


--
-- Name: used_passwords used_passwords_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.used_passwords
    ADD CONSTRAINT used_passwords_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: user_feedback user_feedback_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_feedback
    ADD CONSTRAINT user_feedback_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: user_notifications user_notifications_notification_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_notifications
    ADD CONSTRAINT user_notifications_notification_id_fkey FOREIGN KEY (notification_id) REFERENCES public.notifications(id) ON DELETE CASCADE;


--
-- Name: user_notifications user_notifications_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_notifications
    ADD CONSTRAINT user_notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: user_splash user_splash_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_splash
    ADD CONSTRAINT user_splash_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: user_unsubscription user_unsubscription_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_unsubscription
    ADD CONSTRAINT user_unsubscription_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict iqO1iHS1Ft3vsjwu09dIb9tcqJ1QaTQX2NuQRXETPU9jpZVeYdf3bnoaedouTnM

