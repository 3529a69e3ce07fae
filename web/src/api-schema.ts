// Generated from openapi.snapshot.json by `npm run openapi` (openapi-typescript). Do not edit.
export interface paths {
    "/api/v1/admin/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The analyzer configuration of a tenant or one of its facilities
         * @description Tenant admins (scope `admin`) for their own tenant; platform administrators for any tenant, named by `customerId`. Without `facilityId`: the tenant-wide configuration, which facilities without one of their own inherit.
         *
         *     **Access:** any signed-in user or API key.
         *
         *     **Access:** any signed-in user or API key.
         */
        get: operations["getAnalyzerConfig"];
        /**
         * Set the analyzer configuration: a preset, or custom values over the balanced defaults
         * @description Tenant admins (scope `admin`) for their own tenant; platform administrators for any tenant, named by `customerId`. Without `facilityId`: the tenant-wide configuration, which facilities without one of their own inherit. A preset with values is the preset with those variables changed (custom when they differ).
         *
         *     **Access:** any signed-in user or API key.
         */
        put: operations["putAnalyzerConfig"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/config/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Changes of a configuration, newest first: who, when, which variables
         * @description Tenant admins (scope `admin`) for their own tenant; platform administrators for any tenant, named by `customerId`. Without `facilityId`: the tenant-wide configuration, which facilities without one of their own inherit.
         *
         *     **Access:** any signed-in user or API key.
         *
         *     **Access:** any signed-in user or API key.
         */
        get: operations["listAnalyzerConfigHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers (search, filter, paginate)
         * @description **Access:** platform role superadmin.
         *
         *     **Access:** platform role superadmin.
         */
        get: operations["listCustomers"];
        put?: never;
        /**
         * Create a customer
         * @description **Access:** platform role superadmin.
         */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer with its facilities
         * @description **Access:** platform role superadmin.
         *
         *     **Access:** platform role superadmin.
         */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a customer
         * @description **Access:** platform role superadmin.
         */
        patch: operations["updateCustomer"];
        trace?: never;
    };
    "/api/v1/admin/customers/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a customer: its users can no longer sign in; data is kept
         * @description **Access:** platform role superadmin.
         */
        post: operations["deactivateCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/customers/{id}/facilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's facilities
         * @description **Access:** platform role superadmin.
         *
         *     **Access:** platform role superadmin.
         */
        get: operations["listCustomerFacilities"];
        put?: never;
        /**
         * Add a facility to a customer
         * @description **Access:** platform role superadmin.
         */
        post: operations["createCustomerFacility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/customers/{id}/facilities/{facilityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a facility of a customer
         * @description **Access:** platform role superadmin.
         */
        patch: operations["updateCustomerFacility"];
        trace?: never;
    };
    "/api/v1/admin/customers/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a person to a customer (typically the customer's first admin)
         * @description A person new to PlantIntel gets an account: active at once with a password, else invited to choose one. An existing account is invited and accepts while signed in (a password is refused for it).
         *
         *     **Access:** platform role superadmin.
         */
        post: operations["addCustomerUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's AI traffic over the last `days` by day, workspace and purpose; a superadmin also gets the platform's totals
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAiAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/analytics/platform": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every tenant's AI traffic summed by day: counts and sums, never a tenant's names or content
         * @description **Access:** platform role superadmin.
         *
         *     **Access:** platform role superadmin.
         */
        get: operations["getAiPlatformAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/cache/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Invalidate one cache entry
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteAiCacheEntry"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/cache/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tenant-wide cache statistics: entries, hits and misses, tokens and cost saved, per pipeline
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAiCacheStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The last 24 h of the AI gateway: totals, workspaces, pipelines with their figures, the busiest pipelines, recent errors
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAiDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/dashboards/{sector}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A sector's dashboard: its 24 h and 7-day figures, its days (ai_sector_analytics) and its pipelines
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAiSectorDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pipelines, most recently changed first, each with its figures of the last 24 hours
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listAiPipelines"];
        put?: never;
        /**
         * Create a pipeline (a draft): the graph is validated; node count, complexity and monthly cost computed
         * @description The slug (the gateway model `pipeline/<slug>`) is derived from the name when not given. Version 1 is recorded.
         *
         *     **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["createAiPipeline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/pipelines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pipeline with its graph, estimate and figures of the last 24 hours
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAiPipeline"];
        /**
         * Replace a pipeline’s editable fields; a changed graph or feature list is a new version
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        put: operations["replaceAiPipeline"];
        post?: never;
        /**
         * Archive a pipeline (soft delete: status archived; its history stays)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["archiveAiPipeline"];
        options?: never;
        head?: never;
        /**
         * Change some fields of a pipeline; a changed graph or feature list is a new version
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        patch: operations["updateAiPipeline"];
        trace?: never;
    };
    "/api/v1/ai/pipelines/{id}/cache": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pipeline's answer cache: entry totals, hit/miss counts of its requests, entries newest first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAiPipelineCache"];
        put?: never;
        post?: never;
        /**
         * Invalidate a pipeline's cache: every entry, or those older than ?olderThanHours
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["clearAiPipelineCache"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/pipelines/{id}/deploy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deploy a pipeline: status active, deployedAt now; the gateway serves it
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["deployAiPipeline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/pipelines/{id}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pipeline's figures per hour over the last `hours` (the current hour partial), or per minute over the last hour
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAiPipelineMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/pipelines/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause an active pipeline: the gateway refuses it until it is deployed again
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["pauseAiPipeline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/pipelines/{id}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pipeline's requests, newest first (prompt and response only when the pipeline stores them)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listAiPipelineRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/pipelines/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version of the pipeline’s graph, newest first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listAiPipelineVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/pipelines/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The wizard: a pipeline for a sector, use case, data sources and latency/cost preferences, with why each node is there
         * @description Rule-based and deterministic. With `save: true` (and a workspaceId) it is also created as a draft and returned as `pipeline`.
         *
         *     **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["generateAiPipeline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/pipelines/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a graph without saving it: every problem, each naming its node, and the estimate of a valid one
         * @description **Access:** scope `read` (every tenant role).
         */
        post: operations["validateAiPipelineGraph"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/query-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The query map: clusters of similar cached queries (sizes, hit rates, examples), a 2-D layout for drawing, flows between sectors and workspaces, and a 24 h metrics snapshot
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAiQueryMap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/query-map/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Recompute the query map in a job (progress at /jobs/{id}); returns the job already queued if any
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["refreshAiQueryMap"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/v1/chat/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * OpenAI Chat Completions through a pipeline (`model`: `pipeline/<slug>`)
         * @description With `stream: true` the answer is `text/event-stream`; errors before the first event are JSON with their status, errors after it end the stream with the protocol’s in-stream error.
         *
         *     **Access:** scope `read` (every tenant role).
         */
        post: operations["createChatCompletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Anthropic Messages through a pipeline (`model`: `pipeline/<slug>`)
         * @description With `stream: true` the answer is `text/event-stream`; errors before the first event are JSON with their status, errors after it end the stream with the protocol’s in-stream error.
         *
         *     **Access:** scope `read` (every tenant role).
         */
        post: operations["createMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The pipelines the caller may call, as models (OpenAI and Anthropic list shapes at once)
         * @description Errors are in Anthropic’s shape when the request has an `anthropic-version` header, else in OpenAI’s.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listGatewayModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Workspaces of the organisation, by name, with their count of pipelines
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listAiWorkspaces"];
        put?: never;
        /**
         * Create a workspace (name unique in the organisation; optional monthly budgets)
         * @description **Access:** scope `admin` (role admin).
         */
        post: operations["createAiWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/workspaces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workspace
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAiWorkspace"];
        put?: never;
        post?: never;
        /**
         * Delete a workspace whose pipelines are all archived (they go with it); its keys are revoked
         * @description **Access:** scope `admin` (role admin).
         */
        delete: operations["deleteAiWorkspace"];
        options?: never;
        head?: never;
        /**
         * Change a workspace (null clears a budget)
         * @description **Access:** scope `admin` (role admin).
         */
        patch: operations["updateAiWorkspace"];
        trace?: never;
    };
    "/api/v1/ai/workspaces/{id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API keys bound to the workspace (without their secrets)
         * @description **Access:** scope `admin` (role admin), signed in (not with an API key).
         *
         *     **Access:** scope `admin` (role admin), signed in (not with an API key).
         */
        get: operations["listAiWorkspaceKeys"];
        put?: never;
        /**
         * Create an API key that reaches only this workspace’s pipelines (the key is shown once)
         * @description Through the gateway the key sees and calls only the pipelines of this workspace. Scopes (default read) may not be wider than your role.
         *
         *     **Access:** scope `admin` (role admin), signed in (not with an API key).
         */
        post: operations["createAiWorkspaceKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/workspaces/{id}/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a workspace key (requests with it fail from the next one on)
         * @description **Access:** scope `admin` (role admin), signed in (not with an API key).
         */
        delete: operations["revokeAiWorkspaceKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/workspaces/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every workspace with its pipeline counts and 24 h figures (the workspace_summary view)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAiWorkspaceSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/analyses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Analyses, newest first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listAnalyses"];
        put?: never;
        /**
         * Analyse a completed import (again), optionally with configuration overrides
         * @description Every completed import is analysed on its own; this starts another run, e.g. with changed variables. The analysis is `processing` until its job completes; progress is pushed on `analysis:<id>`.
         *
         *     **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["startAnalysis"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/analyses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An analysis with its ranked insights, metrics, charts and narrative
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAnalysis"];
        put?: never;
        post?: never;
        /**
         * Delete an analysis, its insights and its chat (the import stays)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteAnalysis"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/analyses/{id}/chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask a question about an analysis; the answer streams back
         * @description Answers as `text/event-stream`: `delta` events `{ text }`, at most one `replace` event `{ text, reason }`, then `done` `{ messageId, provider, model, fallback, covered, sources }` — or `error` `{ message }`. Errors before the answer starts (unknown analysis, not completed, bad input) are JSON.
         *
         *     **Access:** scope `read` (every tenant role).
         */
        post: operations["chatAboutAnalysis"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/analyses/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The analysis report as PDF, or the insights with their evidence as CSV, XLSX or JSON
         * @description `pdf`: the analysis report (summary, narrative, the top insights with their evidence and charts, the insights table). `csv`/`xlsx`: one row per insight with its evidence. `json` (default): the analysis and its insights.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["exportAnalysis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/analyses/{id}/insights/{rank}/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The work orders behind an insight, in file order
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listInsightRows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/analyses/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The chat about an analysis, oldest first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listChatMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The seed’s chat contract: { analysisId, message } → the streamed answer
         * @description Answers as `text/event-stream`: `delta` events `{ text }`, at most one `replace` event `{ text, reason }`, then `done` `{ messageId, provider, model, fallback, covered, sources }` — or `error` `{ message }`. Errors before the answer starts (unknown analysis, not completed, bad input) are JSON.
         *
         *     **Access:** scope `read` (every tenant role).
         */
        post: operations["chat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Facilities side by side: OEE, scrap, rework, cost variance, downtime, alarms, inspection
         * @description OEE and its factors and the units produced come from the plant OEE report (GET /plant-ops/oee) of each facility over the same local days; downtime is the unplanned downtime by reason category, per hour of planned production; scrap and rework rates (of the pieces made) and cost variance (actual vs standard, and per good unit) from the work orders of the facility’s imports completed in the period, with the analyses of those imports; open alarms now; the inspection reject rate of the facility's stations. Per metric the best and worst facilities are flagged (direction-aware, ties flag all); a facility without data gets null with the reason. At most 366 days.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["compareFacilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/config/presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The 39 analyzer variables (unit, range, default, analyzer) and the three presets
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listConfigPresets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The canonical work-order schema: every field a column can be mapped to
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listCanonicalFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Imports, newest first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An import: status, row counts, detected format, timings, the mapping and profile version used
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getImport"];
        put?: never;
        post?: never;
        /**
         * Delete an import, its work orders and errors (the file too, unless another import has it)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteImport"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/imports/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Why rows were rejected (row, column, value, reason), by row; `format=csv` downloads them all
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listImportErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/imports/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The original uploaded file
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getImportFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/imports/{id}/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-run an import on its kept file, with a corrected mapping (or the same one when the body is empty)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["reprocessImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/mapping/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The first rows of a file as a mapping would import them, and a validation summary
         * @description `multipart/form-data`: the file (or the first megabytes of a CSV) in field `file`, the mapping in field `mappings` (a JSON array of FieldMapping), optional `sheet`. The summary counts accepted and rejected rows, and the reasons, over the first 200 rows.
         *
         *     **Access:** scope `read` (every tenant role).
         */
        post: operations["previewMapping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/mapping/suggest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suggest, per canonical field, the column of a file it comes from (confidence and reason)
         * @description Either JSON `{headers, rows}` (a header row and up to 200 sample rows), or `multipart/form-data` with the file — for CSV its first megabytes are enough, an XLSX is sent whole (up to 64 MiB) — and optional `sheet`. Suggestions come from the tenant’s saved profiles (what a person confirmed before wins), ERP synonyms (SAP in English and German, Oracle, Dynamics, Odoo, Epicor, Plex, Infor; English, German, French and Spanish headers), fuzzy header matching and the values’ patterns. `mappings` is the suggestion as a mapping, ready for an upload.
         *
         *     **Access:** scope `read` (every tenant role).
         */
        post: operations["suggestMapping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Mapping profiles, by name
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listMappingProfiles"];
        put?: never;
        /**
         * Save a mapping profile (version 1)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["createMappingProfile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A mapping profile
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getMappingProfile"];
        /**
         * Replace a mapping profile’s content: a new version (imports keep the one they used)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        put: operations["updateMappingProfile"];
        post?: never;
        /**
         * Delete a mapping profile (imports that used it keep their copy of the mapping)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteMappingProfile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/profiles/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every saved version of a mapping profile, newest first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listMappingProfileVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Scheduled analyses, by name, each with its next run and its last run
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listAnalysisSchedules"];
        put?: never;
        /**
         * Schedule an analysis: a cron expression, a source (watched folder or URL) and a mapping profile
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["createAnalysisSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A scheduled analysis
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAnalysisSchedule"];
        put?: never;
        post?: never;
        /**
         * Delete a scheduled analysis and its run history (imports and analyses stay)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteAnalysisSchedule"];
        options?: never;
        head?: never;
        /**
         * Change a scheduled analysis (its next run is recomputed)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        patch: operations["updateAnalysisSchedule"];
        trace?: never;
    };
    "/api/v1/analytics/schedules/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a schedule (run now still works)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["pauseAnalysisSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/schedules/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused schedule from its next slot
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["resumeAnalysisSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/schedules/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a schedule now; the run is a job (follow it in the run history)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["runAnalysisSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/schedules/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The run history of a schedule, newest first, with each run’s comparison
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listAnalysisScheduleRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/schedules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The next five runs of a cron expression in a time zone (400 with the reason when it does not parse)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["previewAnalysisSchedule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Import settings: rejected rows, re-uploads, file retention
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAnalyticsSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the import settings
         * @description **Access:** scope `admin` (role admin).
         */
        patch: operations["updateAnalyticsSettings"];
        trace?: never;
    };
    "/api/v1/analytics/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an ERP work-order export (CSV or XLSX, any size); 202 with the import and its job
         * @description A `multipart/form-data` body: the file in field `file`, and the fields `facilityId`, then exactly one of `profileIds` (a JSON array; the first profile whose columns are all in the file is used), `mappings` (a JSON array of FieldMapping) or `autoMap=true`. Optional: `granularity` (header|operation, with `mappings` or `autoMap`), `aggregationStrategy` (JSON), `sheet` (XLSX), `rejectPolicy` (skip|fail, the tenant setting by default), `onDuplicate` (refuse|mark, the tenant setting by default).
         *
         *     The file is streamed to the file store and its head read: an empty, binary or damaged file, or a mapping that does not fit, is a 400 at once. A file already imported is a 409 unless `onDuplicate=mark`. Progress is pushed on topic `import:<importId>` and `job:<jobId>`.
         *
         *     **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["uploadWorkOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API keys: all of the organisation for admins, your own otherwise
         * @description With an API key this needs the scope `admin`.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key (the key is shown once)
         * @description Scopes may not be wider than your role. Only signed-in users, not API keys, create keys.
         *
         *     **Access:** scope `read` (every tenant role), signed in (not with an API key).
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key (yours, or any as admin)
         * @description With an API key this needs the scope `admin`. Requests with the key fail from the next one on.
         *
         *     **Access:** scope `read` (every tenant role).
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who did what, when, in your organisation (newest first)
         * @description **Access:** scope `admin` (role admin).
         *
         *     **Access:** scope `admin` (role admin).
         */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/accept-invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New to PlantIntel: choose a password with an invitation token, and sign in
         * @description An invitation for an existing account answers 409 (`sign_in_required` in the details): sign in with that account and use POST /auth/invitations/accept.
         *
         *     **Access:** no credentials.
         */
        post: operations["acceptInvitationWithPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation as the signed-in account, and sign in to that organisation
         * @description For people who already have a PlantIntel account. API keys cannot accept invitations.
         *
         *     **Access:** any signed-in user or API key, signed in (not with an API key).
         */
        post: operations["acceptInvitationSignedIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Returns a short-lived access token and a refresh token. Unknown email and wrong password give the same answer. Repeated failures per email and per client address are refused with 429 and Retry-After.
         *
         *     **Access:** no credentials.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End this sign-in: its refresh and access tokens stop working
         * @description **Access:** any signed-in user or API key, signed in (not with an API key).
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user, their organisation, role, scopes and facilities
         * @description **Access:** any signed-in user or API key.
         *
         *     **Access:** any signed-in user or API key.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for new tokens (rotation)
         * @description Each refresh token works once. Presenting a used one again revokes every token of that sign-in.
         *
         *     **Access:** no credentials.
         */
        post: operations["refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your organisation's domain events, oldest first (the event store)
         * @description Events about resources that need more than `read` (members need `admin`) are shown only to callers with that scope.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver a dead event again, from its first attempt
         * @description **Access:** scope `admin` (role admin).
         */
        post: operations["redeliverEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/dead": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events given up after repeated failed deliveries, newest first, with their last error
         * @description **Access:** scope `admin` (role admin).
         *
         *     **Access:** scope `admin` (role admin).
         */
        get: operations["listDeadEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/facilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your organisation's facilities
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listFacilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/cameras": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cameras (filter by station, status)
         * @description Live: subscribe to `camera:<id>` on `/ws` for each new image and its verdict.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listCameras"];
        put?: never;
        /**
         * Register a camera on a station (serial number unique per tenant)
         * @description **Access:** scope `admin` (role admin).
         */
        post: operations["createCamera"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/cameras/{serialNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A camera by serial number
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getCamera"];
        put?: never;
        post?: never;
        /**
         * Delete a camera (409 while it has images, unless ?purge=true deletes them too)
         * @description **Access:** scope `admin` (role admin).
         */
        delete: operations["deleteCamera"];
        options?: never;
        head?: never;
        /**
         * Update a camera (status, resolution, mm per pixel, detection on ingest…)
         * @description **Access:** scope `admin` (role admin).
         */
        patch: operations["updateCamera"];
        trace?: never;
    };
    "/api/v1/inspection/cameras/{serialNumber}/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The camera's newest image with its defects and verdict (image null before the first)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getCameraLatest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/defects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a defect by hand on an image (pixels of that image); the part is judged again
         * @description Give the centre and a size: `bbox`, `contour`, `diameterPx` or `areaPx`. Sizes in mm follow from the camera’s mm per pixel. The defect’s source is `manual`, its disposition `pending`; `note` is kept as its disposition note. A defect (or box, or contour) outside the image is refused with 400.
         *
         *     **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["markDefect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/defects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set a defect’s disposition (who and when are recorded, with an optional note)
         * @description With the tenant setting `secondReview` on, a `reject` waits for a second person (`review: pending`, see the review endpoint); any other disposition clears the review. Marking a defect `false_positive` (or taking that back) changes what the rules judge: the part is judged again and its new verdict pushed.
         *
         *     **Access:** scope `operate` (roles operator, admin).
         */
        patch: operations["disposeDefect"];
        trace?: never;
    };
    "/api/v1/inspection/defects/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every defect of a period, oldest first, as CSV or XLSX (streamed)
         * @description The filters of `GET /inspection/defects/statistics` (period of the triggers’ time, default the 30 days up to now; station, camera, part number, defect type): the rows add up to its `totals.defects`.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["exportDefects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/defects/image/{imageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The defects of an image with their dispositions and reviews
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listImageDefects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/defects/review/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Second review of a rejected defect: confirm it, or overturn it to another disposition
         * @description Only a defect whose `review` is `pending` (409 otherwise), and only by someone other than the person who rejected it (403). `overturn` sets the disposition to `disposition` (default `accept`).
         *
         *     **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["reviewDefect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/defects/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Defect statistics of a period: totals and rates, breakdowns, Pareto, series per day or shift
         * @description The period is of the triggers’ time (`from` inclusive, `to` exclusive; default the 30 days up to now). `stationId`, `partNumber` and `cameraId` narrow the parts (a camera: parts with an image from it, and only its images and defects); `type` narrows the defect figures only — trigger figures count parts whatever their defects.
         *     - `rejectRate` = failedTriggers / triggers; `falsePositiveRate` = false positives / defects with a disposition other than pending; `reworkShare` = rework / dispositioned defects; `partReworkShare` = parts dispositioned rework / parts with a disposition. Rates are 0–1, and 0 when nothing was there to divide.
         *     - `byRegion`: defects per inspect region they were assigned to by the latest verdict (one defect can be in several; false positives are not assigned). `pareto`: types by count, largest first, with their cumulative share.
         *     - `bucket`: `day` (UTC days) or `shift`: three 8-hour shifts a day, starting 06:00, 14:00 and 22:00 UTC (a shift is named by its start). The series has every bucket of the period, empty ones with zeros; at most 2000 buckets.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["defectStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/defects/statistics/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The inspection report of a period as PDF, or its series as CSV/XLSX
         * @description Takes the filters of GET /inspection/defects/statistics. PDF (default): reject rate and its series, the defect Pareto, by camera, by region and by part number. CSV/XLSX: the series, one row per day or shift, with parts inspected, failed, reject rate and defects.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["exportDefectStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/images/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The image in a web format, resized, 16-bit windowed to 8-bit, optionally with overlays
         * @description Variants are rendered once and kept in a disk cache (INSPECTION_CACHE_MB). `ETag` is the digest of the image, the options and the overlay content: `If-None-Match` answers 304. Plain variants are immutable (`Cache-Control: immutable`); overlaid ones change with dispositions and regions and are revalidated.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/images/detect/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the built-in pore detector on a stored image (its earlier detector defects are replaced; the part is judged again)
         * @description **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["detectImageDefects"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/images/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest image of every camera (or of one station’s), with defects and verdicts
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listLatestImages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/images/meta/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An image’s metadata, verdict and defects
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getImageMeta"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/images/trigger/{triggerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The images of one trigger, with defects and verdicts
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listTriggerImages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/parts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Part information
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listInspectionParts"];
        put?: never;
        /**
         * Add part information (part number unique per tenant; the region set it is judged by)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["createInspectionPart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/parts/{partNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Part information by part number
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getInspectionPart"];
        put?: never;
        post?: never;
        /**
         * Delete part information (its inspections stay)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteInspectionPart"];
        options?: never;
        head?: never;
        /**
         * Change part information (name, material, drawing revision, region set)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        patch: operations["updateInspectionPart"];
        trace?: never;
    };
    "/api/v1/inspection/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a region with rules to a camera (a new region version)
         * @description The polygon is in normalized image coordinates (0–1): at least 3 points, not self-intersecting. Rules: maxPoreSizeMm, maxPoreCount, maxDensityPerCm2, maxAreaShare, minSpacingMm with spacingMode merge|fail, ignoreBelowMm, types. Kind `ignore` makes an ignore zone.
         *
         *     **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["createRegion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/regions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a region (a new region version; existing verdicts keep theirs — re-analyse to re-judge)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        put: operations["replaceRegion"];
        post?: never;
        /**
         * Delete a region (a new region version)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteRegion"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/regions/camera/{cameraId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A camera's regions (all sets, or ?regionSet=) and its region version
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listCameraRegions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/regions/camera/{cameraId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Judge the camera's recent images by regions not saved yet (current vs proposed verdict)
         * @description **Access:** scope `read` (every tenant role).
         */
        post: operations["previewRegions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/regions/camera/{cameraId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The camera's region versions, newest first: what each verdict was judged by
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listRegionVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's inspection settings
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getInspectionSettings"];
        /**
         * Change the tenant's inspection settings
         * @description **Access:** scope `admin` (role admin).
         */
        put: operations["putInspectionSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/stations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Inspection stations with their camera count and current part
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listInspectionStations"];
        put?: never;
        /**
         * Create an inspection station (name unique per facility)
         * @description **Access:** scope `admin` (role admin).
         */
        post: operations["createInspectionStation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/stations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a station without cameras (409 while it has some)
         * @description **Access:** scope `admin` (role admin).
         */
        delete: operations["deleteInspectionStation"];
        options?: never;
        head?: never;
        /**
         * Rename a station or move it to another line
         * @description **Access:** scope `admin` (role admin).
         */
        patch: operations["updateInspectionStation"];
        trace?: never;
    };
    "/api/v1/inspection/stations/{id}/current-part": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The part the station is inspecting now, with its part information
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getCurrentPart"];
        /**
         * Set the part the station inspects (triggers without a part number take it)
         * @description **Access:** scope `operate` (roles operator, admin).
         */
        put: operations["setCurrentPart"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/triggers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Trigger history, newest first (filter by station, part serial, part number, verdict, period)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listTriggers"];
        put?: never;
        /**
         * A part passed the station: store its images (and the vision system’s defects), judge it, return the verdict
         * @description `multipart/form-data` with one file part per camera, named by the camera’s serial number (8- or 16-bit grayscale PNG or TIFF, BMP, JPEG), and the fields:
         *     - `stationId` (required); `partNumber`, `partSerial` (default: the station’s current part); `ts` (ISO 8601, default now);
         *     - `defects` (optional JSON): `{ "<serial>": [{ "cx", "cy", "bbox": {x,y,w,h} | "diameterPx" | "areaPx" | "contour": [[x,y],…], "type", "confidence" }] }` in pixels of that image. A camera without an entry gets the built-in detector when its `detectOnIngest` is on.
         *     At most 16 images; each within the image size and pixel limits (INSPECTION_IMAGE_MAX_MB, INSPECTION_MAX_PIXELS). All or nothing: a refused image or defect stores nothing. The verdict is also pushed on `station:<id>` and `camera:<id>`.
         *
         *     **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["createTrigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/triggers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A trigger with its images, defects and verdict
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getTrigger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection/triggers/{id}/disposition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set the part’s disposition: accept, reject, rework or scrap (who and when are recorded)
         * @description **Access:** scope `operate` (roles operator, admin).
         */
        patch: operations["disposeTrigger"];
        trace?: never;
    };
    "/api/v1/inspection/triggers/{id}/reanalyze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Judge a trigger again by its cameras' current regions (records the versions used)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["reanalyzeTrigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your organisation's background jobs, newest first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A background job: status, progress, result or error, attempts, timings
         * @description Live updates: subscribe to topic `job:<id>` on `/ws`.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/diagnostics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a self-check job (database round trips, progress pushed live)
         * @description **Access:** scope `admin` (role admin).
         */
        post: operations["startDiagnostics"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Notification channels (email, webhook, in-app)
         * @description **Access:** scope `admin` (role admin).
         *
         *     **Access:** scope `admin` (role admin).
         */
        get: operations["listNotificationChannels"];
        put?: never;
        /**
         * Create a channel
         * @description email: `recipients`; webhook: `url` (+ `headers`) — the answer carries the signing secret, shown once; in_app: `userIds` (none: every member). Webhooks are signed `PlantIntel-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
         *
         *     **Access:** scope `admin` (role admin).
         */
        post: operations["createNotificationChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A channel
         * @description **Access:** scope `admin` (role admin).
         *
         *     **Access:** scope `admin` (role admin).
         */
        get: operations["getNotificationChannel"];
        put?: never;
        post?: never;
        /**
         * Delete a channel (its deliveries go with it; rules drop it)
         * @description **Access:** scope `admin` (role admin).
         */
        delete: operations["deleteNotificationChannel"];
        options?: never;
        head?: never;
        /**
         * Update a channel; `enabled: true` re-enables one disabled after failures
         * @description **Access:** scope `admin` (role admin).
         */
        patch: operations["updateNotificationChannel"];
        trace?: never;
    };
    "/api/v1/notifications/channels/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test notification through the channel (delivered by a job; watch the delivery log)
         * @description **Access:** scope `admin` (role admin).
         */
        post: operations["testNotificationChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log: every email and webhook delivery with its attempts, newest first
         * @description **Access:** scope `admin` (role admin).
         *
         *     **Access:** scope `admin` (role admin).
         */
        get: operations["listNotificationDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A delivery with every attempt
         * @description **Access:** scope `admin` (role admin).
         *
         *     **Access:** scope `admin` (role admin).
         */
        get: operations["getNotificationDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a sent or failed delivery again (a new delivery, by a job)
         * @description **Access:** scope `admin` (role admin).
         */
        post: operations["replayNotificationDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your in-app notifications, newest first
         * @description Live: subscribe to topic `inbox:<your user id>` on `/ws` (InboxUpdated with the unread count).
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/inbox/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark some of your notifications read (ids that are not yours are ignored)
         * @description **Access:** scope `read` (every tenant role).
         */
        post: operations["markInboxRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/inbox/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all your notifications read
         * @description **Access:** scope `read` (every tenant role).
         */
        post: operations["markInboxAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/inbox/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of your in-app notifications are unread
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["inboxUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your notification preferences
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getNotificationPreferences"];
        /**
         * Set your preferences: which kinds, quiet hours (emails wait until they end), daily digest
         * @description **Access:** scope `read` (every tenant role).
         */
        put: operations["putNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Notification rules
         * @description **Access:** scope `admin` (role admin).
         *
         *     **Access:** scope `admin` (role admin).
         */
        get: operations["listNotificationRules"];
        put?: never;
        /**
         * Create a rule: an event kind, its parameters and the channels told
         * @description **Access:** scope `admin` (role admin).
         */
        post: operations["createNotificationRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A rule
         * @description **Access:** scope `admin` (role admin).
         *
         *     **Access:** scope `admin` (role admin).
         */
        get: operations["getNotificationRule"];
        put?: never;
        post?: never;
        /**
         * Delete a rule (its past notifications stay)
         * @description **Access:** scope `admin` (role admin).
         */
        delete: operations["deleteNotificationRule"];
        options?: never;
        head?: never;
        /**
         * Update a rule
         * @description **Access:** scope `admin` (role admin).
         */
        patch: operations["updateNotificationRule"];
        trace?: never;
    };
    "/api/v1/plant-ops/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alarms, newest first (status `active` = open or acknowledged)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listAlarms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/alarms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One alarm
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getAlarm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/alarms/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge an open alarm (who and when are recorded, with an optional note)
         * @description **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["acknowledgeAlarm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/alarms/{id}/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clear an alarm by hand (it also clears itself once its rule has been quiet long enough)
         * @description **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["clearAlarm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/alarms/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The alarm report of a period as PDF, or the alarms as CSV/XLSX
         * @description Takes the filters of GET /plant-ops/alarms (without paging). PDF (default): counts by severity, status, rule and sensor, alarms per day, time to acknowledge (median, mean, 90th percentile, longest) and the newest alarms one by one. CSV/XLSX: every matching alarm, newest first.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["exportAlarms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/alarms/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alarms not cleared, by status and severity (the plant overview)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["alarmSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Batches, newest first (filter by line, facility, status, product, creation time)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listBatches"];
        put?: never;
        /**
         * Plan a batch on a line
         * @description **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["createBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A batch, with its OEE once completed
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a batch (only its notes once completed)
         * @description **Access:** scope `operate` (roles operator, admin).
         */
        patch: operations["updateBatch"];
        trace?: never;
    };
    "/api/v1/plant-ops/batches/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a running batch with its counts; computes and stores its OEE
         * @description OEE uses the line's status history inside the batch window; shift breaks, time outside shifts and planned downtime reasons are excluded from planned production time.
         *
         *     **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["completeBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/batches/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a planned batch (an idle line switches to running)
         * @description **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["startBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/batches/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every batch matching the list filters, as CSV or XLSX (streamed)
         * @description The filters of `GET /plant-ops/batches`, without paging, in its order (newest first). Batches created after the export began are left out. Times are UTC; OEE and its factors in percent.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["exportBatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/downtime-reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Downtime reason catalogue (planned or unplanned, by category)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listDowntimeReasons"];
        put?: never;
        /**
         * Add a downtime reason
         * @description **Access:** scope `admin` (role admin).
         */
        post: operations["createDowntimeReason"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/downtime-reasons/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a downtime reason (label, planned, category, active)
         * @description **Access:** scope `admin` (role admin).
         */
        patch: operations["updateDowntimeReason"];
        trace?: never;
    };
    "/api/v1/plant-ops/downtime/pareto": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Downtime minutes and stops by reason, largest first, with cumulative share
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getDowntimePareto"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Production lines (filter by facility and status)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listLines"];
        put?: never;
        /**
         * Create a line in one of your facilities
         * @description **Access:** scope `admin` (role admin).
         */
        post: operations["createLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/lines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A line with its running batch and recent status history
         * @description Live: subscribe to topic `line:<id>` on `/ws` (status changes, batch events).
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getLine"];
        put?: never;
        post?: never;
        /**
         * Delete a line (refused with 409 while batches reference it)
         * @description **Access:** scope `admin` (role admin).
         */
        delete: operations["deleteLine"];
        options?: never;
        head?: never;
        /**
         * Update a line
         * @description **Access:** scope `admin` (role admin).
         */
        patch: operations["updateLine"];
        trace?: never;
    };
    "/api/v1/plant-ops/lines/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the line status (running, idle, down, maintenance) with a downtime reason
         * @description Every change is kept in the status history, from which downtime and OEE are computed. Without a reason, down and idle count as UNSPECIFIED (unplanned) and maintenance as PLANNED_MAINTENANCE.
         *
         *     **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["changeLineStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/oee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OEE with availability, performance and quality losses, by line, day or shift
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getOee"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/oee/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The plant OEE report of a period as PDF, or the OEE groups as CSV/XLSX
         * @description Takes the filters of GET /plant-ops/oee. PDF (default): OEE trend by day against the line’s target, availability/performance/quality losses, the unplanned downtime Pareto of the same days, by shift, by line and by day. CSV/XLSX: one row per group of `groupBy` (default `day`) and a total row, the figures of GET /plant-ops/oee.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["exportOee"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/sensor-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sensor groups watched together (Hotelling T² and SPE)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSensorGroups"];
        put?: never;
        /**
         * Create a sensor group (e.g. every sensor of one pump)
         * @description **Access:** scope `admin` (role admin).
         */
        post: operations["createSensorGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/sensor-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A sensor group with its model and its alarms that are not cleared
         * @description Live: topic `sensor-group:<id>` (AnomalyDetected, AlarmCleared).
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSensorGroup"];
        put?: never;
        post?: never;
        /**
         * Delete a sensor group and its alarms
         * @description **Access:** scope `admin` (role admin).
         */
        delete: operations["deleteSensorGroup"];
        options?: never;
        head?: never;
        /**
         * Update a sensor group (new members or alignment forget the trained model)
         * @description **Access:** scope `admin` (role admin).
         */
        patch: operations["updateSensorGroup"];
        trace?: never;
    };
    "/api/v1/plant-ops/sensor-groups/{id}/train": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Learn the group’s normal behaviour from a window of its readings (default: the last 24 h)
         * @description A PCA model of the members’ readings averaged per `alignSeconds`, keeping the components that explain `explained` of the standardised variance; the T² and SPE limits are the `quantile` of the window’s own statistics. Every complete bucket after the window is then judged as it arrives.
         *
         *     **Access:** scope `admin` (role admin).
         */
        post: operations["trainSensorGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/sensors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sensors with their newest reading and active alarm count (filter by facility, line, type, text)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSensors"];
        put?: never;
        /**
         * Register a sensor (key unique per facility)
         * @description Detection defaults: spec limits, the anomaly detector (forecast error as an anomaly likelihood, threshold 2, after 300 readings of warm-up) and Western Electric rule 1 against limits learned from the first 100 readings. Each part can be switched on or off.
         *
         *     **Access:** scope `admin` (role admin).
         */
        post: operations["createSensor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/sensors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A sensor with its newest reading and its alarms that are not cleared
         * @description Live: subscribe to topic `sensor:<id>` on `/ws` (newest readings, at most 4 a second; alarms).
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSensor"];
        put?: never;
        post?: never;
        /**
         * Delete a sensor (409 while it has readings, unless ?purge=true deletes them too)
         * @description **Access:** scope `admin` (role admin).
         */
        delete: operations["deleteSensor"];
        options?: never;
        head?: never;
        /**
         * Update a sensor: limits, detection, control limits (null → learn them again)
         * @description **Access:** scope `admin` (role admin).
         */
        patch: operations["updateSensor"];
        trace?: never;
    };
    "/api/v1/plant-ops/sensors/{id}/readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readings over a range: raw (paginated) or min/avg/max/count/first/last per bucket
         * @description `bucket=auto` (default) picks the finest round width that gives at most 2,000 buckets and reads the 1-minute or 1-hour rollups when the width allows. The range defaults to the last 24 hours and is widened to whole buckets (returned as `from`/`to`).
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSensorReadings"];
        put?: never;
        /**
         * One reading of a sensor (ts absent → now); acknowledged once committed
         * @description **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["postSensorReading"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/sensors/{id}/readings/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every raw reading of a sensor over a range, as CSV or XLSX (streamed)
         * @description The range defaults to the last 24 hours, as for `GET /plant-ops/sensors/{id}/readings`. Readings oldest first, read page by page: an export of millions of readings holds one page in memory. XLSX continues on further sheets past 1,048,575 rows.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["exportSensorReadings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/sensors/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import sensor history from a CSV file (any size); 202 with the id of the import job
         * @description The file is the body (`Content-Type: text/csv`) or a `multipart/form-data` upload in field `file`. It is streamed to disk, its header checked, and a background job imports it; follow it with `GET /api/v1/jobs/{jobId}` (progress 0–100 with a message, then the result) or live on topic `job:<jobId>`.
         *     - long: header `sensor_key,ts,value` (or `sensor_id` instead of `sensor_key`; columns in any order, others ignored), one reading per line;
         *     - wide: header `ts,<sensor key>,<sensor key>,…` (up to 10,000 sensors), one timestamp per line, an empty cell is no reading.
         *     `ts` is ISO 8601 (no zone: UTC) or epoch time: numbers below 1e+11 are seconds, larger ones milliseconds. Readings go through the same checks as the bulk endpoint, 20,000 per transaction; the job result counts accepted and rejected readings by reason, with `malformed_row` for lines that cannot be read, and lists the first 100 rejections by line. Readings already stored are rejected as `duplicate`, so importing a file again is safe.
         *
         *     **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["importSensorReadingsCsv"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/sensors/readings/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Up to 50,000 readings of any sensors in one transaction
         * @description Three forms, all answered with accepted and rejected counts (rejections by reason and the first 100 by position):
         *     - rows: `{"readings": [{"sensorId" | "sensorKey", "ts", "value"}, …]}`;
         *     - columnar: `{"series": [{"sensorKey": "press-1", "ts": [epoch ms | ISO, …], "values": [number, …]}, …]}`;
         *     - NDJSON (`Content-Type: application/x-ndjson`): one row object per line.
         *     Keys are looked up in `facilityId` when given (required when a key exists in several facilities). Rows with an unknown sensor, a non-finite value (null, "NaN", "Infinity"), a timestamp older than the retention or more than 5 minutes ahead, or the same sensor and timestamp as a stored reading are rejected and counted; the rest are committed together, or none are.
         *
         *     **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["postReadingsBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Shift calendars
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listShifts"];
        put?: never;
        /**
         * Add a shift to a facility calendar (breaks are planned stops)
         * @description **Access:** scope `admin` (role admin).
         */
        post: operations["createShift"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plant-ops/shifts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a shift
         * @description **Access:** scope `admin` (role admin).
         */
        delete: operations["deleteShift"];
        options?: never;
        head?: never;
        /**
         * Change a shift
         * @description **Access:** scope `admin` (role admin).
         */
        patch: operations["updateShift"];
        trace?: never;
    };
    "/api/v1/plant-ops/telemetry/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How devices reach this tenant (MQTT topic key) and whether they may create sensors
         * @description **Access:** scope `admin` (role admin).
         *
         *     **Access:** scope `admin` (role admin).
         */
        get: operations["getTelemetrySettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the telemetry settings; `mqtt: "rotate"` issues a new topic key, `"off"` removes it
         * @description **Access:** scope `admin` (role admin).
         */
        patch: operations["updateTelemetrySettings"];
        trace?: never;
    };
    "/api/v1/supply/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Decisions, newest first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyDecisions"];
        put?: never;
        /**
         * Ask for a decision: replenishment over a scope, or routing (`routing`: day, depot, orders, vehicles, objective, limits); computed in a job, then proposed for approval
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["startSupplyDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/decisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A decision with its first 200 actions, constraint checks, predicted cost and confidence
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyDecision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/decisions/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A decision's actions (purchase-order lines), paginated
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyDecisionActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/decisions/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a proposed decision (analysts and admins)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["approveSupplyDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/decisions/{id}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Execute an approved decision: replenishment creates its purchase orders and puts the quantities on order; routing allocates its orders and creates a vehicle assignment per stop
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["executeSupplyDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/decisions/{id}/explanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Why the decision proposes what it does: factors per line, binding constraints, confidence; for routing, cost per route, marginal costs, unserved orders, and with `orderId` why that order is on its vehicle
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["explainSupplyDecision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/decisions/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a proposed or approved decision, saying why
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["rejectSupplyDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/decisions/{id}/reoptimise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-optimise a routing decision after a change (orders added or removed, vehicles broken down), keeping executed stops in place: a new decision, computed in a job
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["reoptimiseSupplyDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/decisions/{id}/routes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A routing decision's routes with their stops (times, loads, clients' coordinates and windows), its depots, unserved orders and zones
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyDecisionRoutes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/decisions/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every decision matching the list filters, newest first, as CSV or XLSX (streamed)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["exportSupplyDecisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deployment history, newest first (the first per model, stage and scope is current)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyDeployments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/deployments/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put back the version deployed before the current one
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["rollbackSupplyModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/entities/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Clients (search by name or address)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyClients"];
        put?: never;
        /**
         * Create a client (name unique) with its delivery windows
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["createSupplyClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/entities/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A client
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyClient"];
        put?: never;
        post?: never;
        /**
         * Delete a client (409 while it has orders)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteSupplyClient"];
        options?: never;
        head?: never;
        /**
         * Change a client
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        patch: operations["updateSupplyClient"];
        trace?: never;
    };
    "/api/v1/supply/entities/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Inventory rows: a SKU at a warehouse with its stock and replenishment parameters
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyInventoryRows"];
        put?: never;
        /**
         * Add a SKU to a warehouse (one row per SKU and warehouse)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["createSupplyInventory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/entities/inventory/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An inventory row
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyInventory"];
        put?: never;
        post?: never;
        /**
         * Delete an inventory row (409 while it has demand history, unless an admin passes ?purge=true)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteSupplyInventory"];
        options?: never;
        head?: never;
        /**
         * Change stock figures or replenishment parameters
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        patch: operations["updateSupplyInventory"];
        trace?: never;
    };
    "/api/v1/supply/entities/inventory/{id}/demand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SKU's demand at its warehouse per day, week (from Monday) or month, with promotions
         * @description Imported demand history plus the lines of shipped and delivered customer orders on their requested date. Buckets without demand are 0; without `from`/`to` the series runs from the first to the last bucket with demand.
         *
         *     **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyDemandHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/entities/inventory/{id}/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest forecast of one SKU at its warehouse, with its bucket and interval level
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyItemForecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/entities/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Orders (filter by kind, status, client, warehouse, SKU, requested date)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyOrders"];
        put?: never;
        /**
         * Create a customer, purchase or transfer order (a confirmed purchase goes on order)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["createSupplyOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/entities/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyOrder"];
        put?: never;
        post?: never;
        /**
         * Delete a draft or cancelled order (409 otherwise, or while it has vehicle assignments)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteSupplyOrder"];
        options?: never;
        head?: never;
        /**
         * Change an order or move it along its lifecycle (allocating reserves stock, shipping takes it out, receiving a purchase puts it on hand)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        patch: operations["updateSupplyOrder"];
        trace?: never;
    };
    "/api/v1/supply/entities/vehicle-assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vehicle assignments (filter by vehicle, order, status)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyVehicleAssignments"];
        put?: never;
        /**
         * Assign an order to a vehicle
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["createSupplyVehicleAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/entities/vehicle-assignments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A vehicle assignment
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyVehicleAssignment"];
        put?: never;
        post?: never;
        /**
         * Delete an assignment
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteSupplyVehicleAssignment"];
        options?: never;
        head?: never;
        /**
         * Change an assignment (times, sequence, status)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        patch: operations["updateSupplyVehicleAssignment"];
        trace?: never;
    };
    "/api/v1/supply/entities/vehicles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vehicles (filter by status, depot; search by code or type)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyVehicles"];
        put?: never;
        /**
         * Register a vehicle (code unique)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["createSupplyVehicle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/entities/vehicles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A vehicle
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyVehicle"];
        put?: never;
        post?: never;
        /**
         * Delete a vehicle (409 while it has assignments)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteSupplyVehicle"];
        options?: never;
        head?: never;
        /**
         * Change a vehicle
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        patch: operations["updateSupplyVehicle"];
        trace?: never;
    };
    "/api/v1/supply/entities/warehouses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Warehouses (search by code or name)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyWarehouses"];
        put?: never;
        /**
         * Create a warehouse (code unique)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["createSupplyWarehouse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/entities/warehouses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A warehouse
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyWarehouse"];
        put?: never;
        post?: never;
        /**
         * Delete a warehouse (409 while inventory, orders, vehicles or demand history refer to it)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        delete: operations["deleteSupplyWarehouse"];
        options?: never;
        head?: never;
        /**
         * Change a warehouse
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        patch: operations["updateSupplyWarehouse"];
        trace?: never;
    };
    "/api/v1/supply/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Explain a hypothetical (nothing is stored): what would be ordered for one SKU if its figures were different; or, with decisionId and orderId, what putting a routed order on another vehicle would cost
         * @description **Access:** scope `read` (every tenant role).
         */
        post: operations["explainSupplyHypothetical"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/explain/{decisionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A decision's explanation (the seed's path; same body as /decisions/{id}/explanation)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["explainSupplyDecisionById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/explain/decision/{id}/factors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The factors behind a decision's quantities: totals over all lines and per line
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["supplyDecisionFactors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/forecasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Forecast runs, newest first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyForecasts"];
        put?: never;
        /**
         * Forecast the demand of a scope (SKUs × warehouses) in a job, with the production model
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["startSupplyForecast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/forecasts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A forecast run: scope, model version, status and the back-test summary
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyForecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/forecasts/{id}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A run's forecasts: per SKU and warehouse the method, parameters, intervals and back-test error
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyForecastSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/frontend/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The planner's dashboard in one call: every KPI with its trend and target, counts, recent decisions and open anomalies
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyFrontendDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/frontend/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a decision (replenishment or routing, as POST /supply/decisions) and get the links to follow it
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["startSupplyFrontendDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/frontend/decision/{id}/insights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A decision as cards: headline, figures, cost split, constraint checks, binding constraints and the lines to read first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyFrontendDecisionInsights"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/frontend/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The network at a glance: warehouses with their stock and open orders, vehicles, clients, orders
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyFrontendEntities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/frontend/simulation/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A simulation's KPI distributions for charts: each policy's mean and 5–50–95 % band, histograms, and each comparison's verdict
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyFrontendSimulationResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/imports/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import clients from a CSV file (up to 5,000 rows)
         * @description Columns (matched by name, without case or punctuation; others ignored): `name` (required), `address`, `latitude`, `longitude`, `time_windows`, `service_minutes`, `priority`, `sla_hours`.
         *
         *     A row creates its client, or updates the one with the same name, checked as the API checks a body. Rows that fail are listed (line, column, why); the others are stored, all in one transaction.
         *
         *     Warehouses are named by their code; time windows are written `08:00-12:00; 13:00-17:00`.
         *
         *     **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["importSupplyClients"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/imports/demand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import demand history from a CSV file (any size); 202 with the id of the import job
         * @description Columns: `sku` (required), `warehouse` (required), `date` (required), `quantity` (required), `promotion` — e.g. `sku,location,date,quantity`. Follow the job on `GET /api/v1/jobs/{jobId}`: its result counts the rows read, the days stored, the rows refused with the first 100 (line, column, why), and the series that have no inventory row yet (stored, shown once the row exists).
         *
         *     A warehouse, SKU and day already stored takes the file’s quantity; the same day given twice in the file is summed. Negative or unreadable quantities, unknown warehouse codes and unreadable dates refuse their row; rows may come in any order.
         *
         *     **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["importSupplyDemand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/imports/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import inventory from a CSV file (up to 5,000 rows)
         * @description Columns (matched by name, without case or punctuation; others ignored): `warehouse` (required), `sku` (required), `description`, `category`, `on_hand`, `reserved`, `on_order`, `unit_cost`, `holding_cost_rate`, `ordering_cost`, `lead_time_days`, `lead_time_sd_days`, `service_level`, `service_kind`, `moq`, `lot_size`, `policy`, `review_period_days`, `supplier`, `unit_weight_kg`, `unit_volume_m3`.
         *
         *     A row creates its inventory row, or updates the one with the same warehouse and SKU, checked as the API checks a body. Rows that fail are listed (line, column, why); the others are stored, all in one transaction.
         *
         *     Warehouses are named by their code; time windows are written `08:00-12:00; 13:00-17:00`.
         *
         *     **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["importSupplyInventory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/imports/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import orders from a CSV file (up to 5,000 rows)
         * @description Columns (matched by name, without case or punctuation; others ignored): `reference` (required), `kind`, `client`, `warehouse` (required), `supplier`, `sku` (required), `quantity` (required), `requested_date` (required), `window_start`, `window_end`, `status`, `priority`, `weight_kg`, `volume_m3`, `required_features`.
         *
         *     A row creates its order, or updates the one with the same reference (created only), checked as the API checks a body. Rows that fail are listed (line, column, why); the others are stored, all in one transaction.
         *
         *     One row per order line: rows with the same reference are one order, whose other fields come from its first row. Clients are named by name, warehouses by code.
         *
         *     **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["importSupplyOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/imports/vehicles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import vehicles from a CSV file (up to 5,000 rows)
         * @description Columns (matched by name, without case or punctuation; others ignored): `code` (required), `type` (required), `capacity_kg` (required), `capacity_m3` (required), `cost_per_km`, `cost_per_hour`, `co2_per_km`, `depot`, `shift_start`, `shift_end`, `max_driving_hours`, `status`, `features`.
         *
         *     A row creates its vehicle, or updates the one with the same code, checked as the API checks a body. Rows that fail are listed (line, column, why); the others are stored, all in one transaction.
         *
         *     Warehouses are named by their code; time windows are written `08:00-12:00; 13:00-17:00`.
         *
         *     **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["importSupplyVehicles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/imports/warehouses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import warehouses from a CSV file (up to 5,000 rows)
         * @description Columns (matched by name, without case or punctuation; others ignored): `code` (required), `name` (required), `address`, `latitude`, `longitude`, `capacity`, `operating_hours`.
         *
         *     A row creates its warehouse, or updates the one with the same code, checked as the API checks a body. Rows that fail are listed (line, column, why); the others are stored, all in one transaction.
         *
         *     Warehouses are named by their code; time windows are written `08:00-12:00; 13:00-17:00`.
         *
         *     **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["importSupplyWarehouses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * KPI measurements (daily rollups and external records), newest day first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyMetrics"];
        put?: never;
        /**
         * Record an external KPI measurement for a day (a known KPI or a custom one)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["recordSupplyMetric"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/metrics/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A KPI measurement
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyMetric"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/metrics/anomalies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Anomaly flags (unusual order quantities, delivery delays, delivery costs), newest first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyAnomalies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/metrics/anomalies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An anomaly flag
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyAnomaly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/metrics/anomalies/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dismiss an open anomaly flag (it stays in the list as dismissed)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["dismissSupplyAnomaly"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/metrics/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every KPI over the last days: value, the period before, trend, target, status and a daily sparkline
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyKpiDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/metrics/kpi/{kpiName}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A KPI's time series by day, week or month over a range, with aggregates, the trend against the period before and its target (a custom KPI without any measurement: 404)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyKpiReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/metrics/rollup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Recompute the daily KPI rollups and anomaly flags of a range of days in a job (e.g. after importing history)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["rollUpSupplyKpis"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/metrics/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The KPIs' targets: the tenant's own, else the defaults
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyKpiTargets"];
        /**
         * Set KPI targets (null: back to the default); KPIs left out keep theirs
         * @description **Access:** scope `admin` (role admin).
         */
        put: operations["setSupplyKpiTargets"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Model versions with their parameters, training range and back-test metrics
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyModels"];
        put?: never;
        /**
         * Train a new version in a job: registered always, promoted to production only if it back-tests better
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["trainSupplyModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/models/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A model version and the stages it is deployed in
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/models/{id}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deploy this version to production or staging (the previous one stays in the history)
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["promoteSupplyModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/simulations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Simulations, newest first (without their results)
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplySimulations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/simulations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A simulation: its configuration, status and, once completed, its KPI distributions per policy
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplySimulation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/simulations/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a scenario set (demand shocks, vehicle breakdowns, lead-time noise, travel delays) with a seed; lists the events of its first replications
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["generateSupplyScenarioSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/simulations/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run N replications over a horizon comparing reorder policies, in a job (progress on the job); results as KPI distributions
         * @description **Access:** scope `analyze` (roles analyst, admin).
         */
        post: operations["runSupplySimulation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/simulations/scenario-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Scenario sets, newest first
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["listSupplyScenarioSets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supply/simulations/scenario-sets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A scenario set with its parameters and the events of its first replications
         * @description **Access:** scope `read` (every tenant role).
         *
         *     **Access:** scope `read` (every tenant role).
         */
        get: operations["getSupplyScenarioSet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Members of your organisation
         * @description **Access:** scope `admin` (role admin).
         *
         *     **Access:** scope `admin` (role admin).
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Invite a person with a role
         * @description Creates an `invited` membership and a one-time link. The person accepts it by choosing a password if they are new to PlantIntel, or signed in with their account if they have one; the answer is the same either way. Signed-in admins only: API keys cannot add members.
         *
         *     **Access:** scope `admin` (role admin), signed in (not with an API key).
         */
        post: operations["inviteUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A member of your organisation
         * @description **Access:** scope `admin` (role admin).
         *
         *     **Access:** scope `admin` (role admin).
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a member's role, or deactivate / reactivate them
         * @description A new role applies to their next request; deactivation ends their sign-ins and keys in this organisation. The last active admin cannot be demoted or deactivated. Signed-in admins only.
         *
         *     **Access:** scope `admin` (role admin), signed in (not with an API key).
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/users/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new invitation link for a member who has not accepted yet
         * @description Older links of that member stop working. Signed-in admins only.
         *
         *     **Access:** scope `admin` (role admin), signed in (not with an API key).
         */
        post: operations["reissueInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/write": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Readings as InfluxDB line protocol (InfluxDB 2.x write API)
         * @description The body is InfluxDB line protocol (any Content-Type; `Content-Encoding: gzip` allowed), one point a line: `<measurement>[,<tag>=<value>…] <field>=<value>[,…] [<timestamp>]`.
         *
         *     Each numeric or boolean field is a reading of the sensor with key `<measurement>.<field>`; with a `sensor` (or `key`) tag, `<tag>.<field>`, or the tag alone for the field `value`. A `facility` tag picks the facility by code (else the default facility of the telemetry settings). String fields are ignored. Unknown sensors are created (type `other`, unit from a `unit` tag) when the telemetry settings allow it, else refused.
         *
         *     Readings go through the same ingest as the bulk endpoint, 50,000 at a time. **204** when every reading was written; **400** when some were not — the rest are written — with the counts and the first refused line; headers `x-plantintel-written`, `-rejected`, `-ignored` carry the counts.
         *
         *     Credentials: `Authorization: Token <API key>` (as InfluxDB clients send), `Bearer`, `X-API-Key`, HTTP Basic with the key as password, or (v1) `?p=<API key>`.
         *
         *     **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["writeLineProtocolV2"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up and serving HTTP */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (bearer token required when METRICS_TOKEN is set) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/write": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Readings as InfluxDB line protocol (InfluxDB 1.x write API)
         * @description The body is InfluxDB line protocol (any Content-Type; `Content-Encoding: gzip` allowed), one point a line: `<measurement>[,<tag>=<value>…] <field>=<value>[,…] [<timestamp>]`.
         *
         *     Each numeric or boolean field is a reading of the sensor with key `<measurement>.<field>`; with a `sensor` (or `key`) tag, `<tag>.<field>`, or the tag alone for the field `value`. A `facility` tag picks the facility by code (else the default facility of the telemetry settings). String fields are ignored. Unknown sensors are created (type `other`, unit from a `unit` tag) when the telemetry settings allow it, else refused.
         *
         *     Readings go through the same ingest as the bulk endpoint, 50,000 at a time. **204** when every reading was written; **400** when some were not — the rest are written — with the counts and the first refused line; headers `x-plantintel-written`, `-rejected`, `-ignored` carry the counts.
         *
         *     Credentials: `Authorization: Token <API key>` (as InfluxDB clients send), `Bearer`, `X-API-Key`, HTTP Basic with the key as password, or (v1) `?p=<API key>`.
         *
         *     **Access:** scope `operate` (roles operator, admin).
         */
        post: operations["writeLineProtocolV1"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AiAnalytics: {
            byDay: {
                /** @description Exact and semantic cache answers */
                cacheHits: number;
                /** @description Cache lookups that found nothing */
                cacheMisses: number;
                /** @description USD the cache saved */
                costSaved: number;
                costUsd: number;
                /**
                 * Format: date
                 * @description Calendar day YYYY-MM-DD
                 */
                day: string;
                /** @description Errors, refusals and budget stops */
                errors: number;
                /** @description hits / (hits + misses), percent */
                hitRate: number;
                /** @description Milliseconds */
                latencyP50: number;
                /** @description Milliseconds */
                latencyP95: number;
                requests: number;
                tokensIn: number;
                tokensOut: number;
                /** @description Tokens of the answers the cache replayed */
                tokensSaved: number;
            }[];
            byPurpose: {
                /** @description Exact and semantic cache answers */
                cacheHits: number;
                /** @description Cache lookups that found nothing */
                cacheMisses: number;
                /** @description USD the cache saved */
                costSaved: number;
                costUsd: number;
                /** @description Errors, refusals and budget stops */
                errors: number;
                /** @description hits / (hits + misses), percent */
                hitRate: number;
                /** @description Milliseconds */
                latencyP50: number;
                /** @description Milliseconds */
                latencyP95: number;
                purpose: string;
                requests: number;
                tokensIn: number;
                tokensOut: number;
                /** @description Tokens of the answers the cache replayed */
                tokensSaved: number;
            }[];
            byWorkspace: {
                /** @description Exact and semantic cache answers */
                cacheHits: number;
                /** @description Cache lookups that found nothing */
                cacheMisses: number;
                /** @description USD the cache saved */
                costSaved: number;
                costUsd: number;
                /** @description Errors, refusals and budget stops */
                errors: number;
                /** @description hits / (hits + misses), percent */
                hitRate: number;
                /** @description Milliseconds */
                latencyP50: number;
                /** @description Milliseconds */
                latencyP95: number;
                name: string | null;
                requests: number;
                tokensIn: number;
                tokensOut: number;
                /** @description Tokens of the answers the cache replayed */
                tokensSaved: number;
                /** Format: uuid */
                workspaceId: string;
            }[];
            days: number;
            /** @description Superadmins only: every tenant summed (counts and sums, no names) */
            platform: components["schemas"]["AiPlatformAnalytics"] | null;
            /** Format: date-time */
            since: string;
            totals: components["schemas"]["AiMetrics"];
        };
        AiDashboard: {
            /** Format: date-time */
            generatedAt: string;
            pipelines: {
                /** Format: uuid */
                id: string;
                metrics24h: components["schemas"]["AiMetrics"];
                monthlyCost: number;
                name: string;
                sector: string;
                slug: string;
                status: string;
                /** Format: uuid */
                workspaceId: string;
            }[];
            recentErrors: {
                /** Format: date-time */
                at: string;
                errorCode: string | null;
                id: number;
                /** Format: uuid */
                pipelineId: string;
                pipelineName: string;
                status: string;
            }[];
            topPipelines: {
                /** Format: uuid */
                id: string;
                metrics24h: components["schemas"]["AiMetrics"];
                monthlyCost: number;
                name: string;
                sector: string;
                slug: string;
                status: string;
                /** Format: uuid */
                workspaceId: string;
            }[];
            totals: components["schemas"]["AiMetrics"];
            /** @enum {string} */
            window: "24h";
            workspaces: components["schemas"]["AiWorkspaceSummary"][];
        };
        AiGeneratedPipeline: {
            complexityScore: number;
            /** @enum {string} */
            complexityTier: "simple" | "moderate" | "complex" | "enterprise";
            connections: {
                from: string;
                to: string;
            }[];
            description: string;
            explanation: string[];
            features: string[];
            /** @description USD per month (formula in explanation) */
            monthlyCost: number;
            name: string;
            nodeCount: number;
            nodes: {
                /** @description The node's settings; which apply depends on its type */
                config: {
                    /** @description model */
                    dailyCostBudgetUsd?: number;
                    /** @description model */
                    dailyTokenBudget?: number;
                    /**
                     * Format: uuid
                     * @description retrieve: the analysis or sensor (absent: latest / all)
                     */
                    entityId?: string;
                    /** @description model, tried in order */
                    fallbacks?: {
                        model: string;
                        /** @enum {string} */
                        provider: "default" | "offline" | "openai" | "anthropic";
                    }[];
                    /** @description postprocess */
                    groundNumbers?: boolean;
                    /** @description retrieve: look-back */
                    hours?: number;
                    /** @description postprocess: the JSON schema the answer must match (at most 8,000 characters) */
                    jsonSchema?: {
                        [key: string]: unknown;
                    };
                    /** @description retrieve */
                    maxChars?: number;
                    /** @description guard */
                    maxInputTokens?: number;
                    /** @description model */
                    maxTokens?: number;
                    /**
                     * @description cache
                     * @enum {string}
                     */
                    mode?: "exact" | "semantic";
                    /** @description model */
                    model?: string;
                    /**
                     * @description model
                     * @enum {string}
                     */
                    provider?: "default" | "offline" | "openai" | "anthropic";
                    /** @description guard */
                    redactPii?: boolean;
                    /** @description guard */
                    refuseTopics?: string[];
                    /** @description model */
                    retries?: number;
                    /** @description model */
                    retryOn?: ("timeout" | "rate_limit" | "server_error" | "network")[];
                    /**
                     * @description retrieve
                     * @enum {string}
                     */
                    source?: "analysis" | "alarms" | "sensors";
                    /** @description model */
                    temperature?: number;
                    /** @description semantic cache */
                    threshold?: number;
                    /** @description model */
                    timeoutMs?: number;
                    /** @description cache */
                    ttlSeconds?: number;
                };
                id: string;
                label?: string;
                position?: {
                    x: number;
                    y: number;
                };
                /** @description One of input, retrieve, cache, guard, model, postprocess, output */
                type: string;
            }[];
            pipeline: components["schemas"]["AiPipeline"] | null;
            reasons: {
                nodeId: string;
                reason: string;
            }[];
            sector: string;
        };
        AiGraphCheck: {
            errors: {
                message: string;
                nodeId: string | null;
            }[];
            estimate: {
                complexityScore: number;
                /** @enum {string} */
                complexityTier: "simple" | "moderate" | "complex" | "enterprise";
                explanation: string[];
                /** @description USD per month (formula in explanation) */
                monthlyCost: number;
                nodeCount: number;
            } | null;
            valid: boolean;
        };
        AiMetrics: {
            /** @description Exact and semantic cache answers */
            cacheHits: number;
            /** @description Cache lookups that found nothing */
            cacheMisses: number;
            /** @description USD the cache saved */
            costSaved: number;
            costUsd: number;
            /** @description Errors, refusals and budget stops */
            errors: number;
            /** @description hits / (hits + misses), percent */
            hitRate: number;
            /** @description Milliseconds */
            latencyP50: number;
            /** @description Milliseconds */
            latencyP95: number;
            requests: number;
            tokensIn: number;
            tokensOut: number;
            /** @description Tokens of the answers the cache replayed */
            tokensSaved: number;
        };
        AiMetricsSeries: {
            /** @enum {string} */
            bucket: "hour" | "minute";
            /** Format: uuid */
            pipelineId: string;
            points: {
                /** Format: date-time */
                at: string;
                /** @description Exact and semantic cache answers */
                cacheHits: number;
                /** @description Cache lookups that found nothing */
                cacheMisses: number;
                /** @description USD the cache saved */
                costSaved: number;
                costUsd: number;
                /** @description Errors, refusals and budget stops */
                errors: number;
                /** @description hits / (hits + misses), percent */
                hitRate: number;
                /** @description Milliseconds */
                latencyP50: number;
                /** @description Milliseconds */
                latencyP95: number;
                partial: boolean;
                requests: number;
                tokensIn: number;
                tokensOut: number;
                /** @description Tokens of the answers the cache replayed */
                tokensSaved: number;
            }[];
        };
        AiPipeline: {
            complexityScore: number;
            /** @enum {string} */
            complexityTier: "simple" | "moderate" | "complex" | "enterprise";
            connections: {
                from: string;
                to: string;
            }[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deployedAt: string | null;
            description: string;
            /** @description How the score, tier and cost were reached */
            explanation: string[];
            features: string[];
            /** Format: uuid */
            id: string;
            /** @description PlantIntel's own AI calls run through it */
            isDefault: boolean;
            /** @description The last 24 hours, from the request rows */
            metrics24h?: {
                cacheHits: number;
                cacheMisses: number;
                costSaved: number;
                costUsd: number;
                errors: number;
                /** @description Percent of cache lookups that hit */
                hitRate: number;
                /** @description ms */
                latencyP50: number;
                /** @description ms */
                latencyP95: number;
                requests: number;
                tokensIn: number;
                tokensOut: number;
                tokensSaved: number;
            };
            /** @description What to put in the `model` field of a gateway request */
            model: string;
            /** @description USD per month (formula in explanation) */
            monthlyCost: number;
            name: string;
            nodeCount: number;
            nodes: {
                /** @description The node's settings; which apply depends on its type */
                config: {
                    /** @description model */
                    dailyCostBudgetUsd?: number;
                    /** @description model */
                    dailyTokenBudget?: number;
                    /**
                     * Format: uuid
                     * @description retrieve: the analysis or sensor (absent: latest / all)
                     */
                    entityId?: string;
                    /** @description model, tried in order */
                    fallbacks?: {
                        model: string;
                        /** @enum {string} */
                        provider: "default" | "offline" | "openai" | "anthropic";
                    }[];
                    /** @description postprocess */
                    groundNumbers?: boolean;
                    /** @description retrieve: look-back */
                    hours?: number;
                    /** @description postprocess: the JSON schema the answer must match (at most 8,000 characters) */
                    jsonSchema?: {
                        [key: string]: unknown;
                    };
                    /** @description retrieve */
                    maxChars?: number;
                    /** @description guard */
                    maxInputTokens?: number;
                    /** @description model */
                    maxTokens?: number;
                    /**
                     * @description cache
                     * @enum {string}
                     */
                    mode?: "exact" | "semantic";
                    /** @description model */
                    model?: string;
                    /**
                     * @description model
                     * @enum {string}
                     */
                    provider?: "default" | "offline" | "openai" | "anthropic";
                    /** @description guard */
                    redactPii?: boolean;
                    /** @description guard */
                    refuseTopics?: string[];
                    /** @description model */
                    retries?: number;
                    /** @description model */
                    retryOn?: ("timeout" | "rate_limit" | "server_error" | "network")[];
                    /**
                     * @description retrieve
                     * @enum {string}
                     */
                    source?: "analysis" | "alarms" | "sensors";
                    /** @description model */
                    temperature?: number;
                    /** @description semantic cache */
                    threshold?: number;
                    /** @description model */
                    timeoutMs?: number;
                    /** @description cache */
                    ttlSeconds?: number;
                };
                id: string;
                label?: string;
                position?: {
                    x: number;
                    y: number;
                };
                /** @description One of input, retrieve, cache, guard, model, postprocess, output */
                type: string;
            }[];
            retentionDays: number;
            sector: string;
            slug: string;
            /** @enum {string} */
            status: "draft" | "active" | "paused" | "archived";
            storePrompts: boolean;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** Format: uuid */
            workspaceId: string;
        };
        AiPipelinePage: {
            items: components["schemas"]["AiPipeline"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        AiPipelineVersion: {
            connections: {
                from: string;
                to: string;
            }[];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            features: string[];
            nodes: {
                /** @description The node's settings; which apply depends on its type */
                config: {
                    /** @description model */
                    dailyCostBudgetUsd?: number;
                    /** @description model */
                    dailyTokenBudget?: number;
                    /**
                     * Format: uuid
                     * @description retrieve: the analysis or sensor (absent: latest / all)
                     */
                    entityId?: string;
                    /** @description model, tried in order */
                    fallbacks?: {
                        model: string;
                        /** @enum {string} */
                        provider: "default" | "offline" | "openai" | "anthropic";
                    }[];
                    /** @description postprocess */
                    groundNumbers?: boolean;
                    /** @description retrieve: look-back */
                    hours?: number;
                    /** @description postprocess: the JSON schema the answer must match (at most 8,000 characters) */
                    jsonSchema?: {
                        [key: string]: unknown;
                    };
                    /** @description retrieve */
                    maxChars?: number;
                    /** @description guard */
                    maxInputTokens?: number;
                    /** @description model */
                    maxTokens?: number;
                    /**
                     * @description cache
                     * @enum {string}
                     */
                    mode?: "exact" | "semantic";
                    /** @description model */
                    model?: string;
                    /**
                     * @description model
                     * @enum {string}
                     */
                    provider?: "default" | "offline" | "openai" | "anthropic";
                    /** @description guard */
                    redactPii?: boolean;
                    /** @description guard */
                    refuseTopics?: string[];
                    /** @description model */
                    retries?: number;
                    /** @description model */
                    retryOn?: ("timeout" | "rate_limit" | "server_error" | "network")[];
                    /**
                     * @description retrieve
                     * @enum {string}
                     */
                    source?: "analysis" | "alarms" | "sensors";
                    /** @description model */
                    temperature?: number;
                    /** @description semantic cache */
                    threshold?: number;
                    /** @description model */
                    timeoutMs?: number;
                    /** @description cache */
                    ttlSeconds?: number;
                };
                id: string;
                label?: string;
                position?: {
                    x: number;
                    y: number;
                };
                /** @description One of input, retrieve, cache, guard, model, postprocess, output */
                type: string;
            }[];
            version: number;
        };
        AiPipelineVersionPage: {
            items: components["schemas"]["AiPipelineVersion"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        AiPlatformAnalytics: {
            byDay: {
                /** @description Exact and semantic cache answers */
                cacheHits: number;
                /** @description Cache lookups that found nothing */
                cacheMisses: number;
                /** @description USD the cache saved */
                costSaved: number;
                costUsd: number;
                /**
                 * Format: date
                 * @description Calendar day YYYY-MM-DD
                 */
                day: string;
                /** @description Errors, refusals and budget stops */
                errors: number;
                /** @description hits / (hits + misses), percent */
                hitRate: number;
                /** @description Milliseconds */
                latencyP50: number;
                /** @description Milliseconds */
                latencyP95: number;
                requests: number;
                tenants: number;
                tokensIn: number;
                tokensOut: number;
                /** @description Tokens of the answers the cache replayed */
                tokensSaved: number;
            }[];
            days: number;
            pipelines: number;
            /** Format: date-time */
            since: string;
            /** @description Tenants with workspaces */
            tenants: number;
            tenantsWithTraffic: number;
            totals: components["schemas"]["AiMetrics"];
            workspaces: number;
        };
        AiQueryMap: {
            clusters: {
                /** @description The most asked queries (at most three) */
                examples: string[];
                /** @description Percent of its requests answered from the cache */
                hitRate: number;
                hits: number;
                /** @description 0 … n-1, the busiest first */
                id: number;
                /** @description Its most distinctive terms */
                label: string;
                /** @description Distinct cached queries in the cluster */
                queries: number;
                requests: number;
                sectors: {
                    /** @description The sector, or the workspace id */
                    key: string;
                    name: string;
                    requests: number;
                }[];
                terms: string[];
                workspaces: {
                    /** @description The sector, or the workspace id */
                    key: string;
                    name: string;
                    requests: number;
                }[];
                x: number;
                y: number;
            }[];
            /** Format: date-time */
            computedAt: string | null;
            flows: {
                from: string;
                fromName: string;
                kind: "sector" | "workspace";
                /** @description Σ over the shared clusters of the smaller side's requests */
                requests: number;
                /** @description Clusters both ask in */
                sharedClusters: number;
                to: string;
                toName: string;
            }[];
            /** @description Set when there is no map yet: how to get one */
            hint: string | null;
            points: {
                cluster: number;
                /** Format: uuid */
                entryId: string;
                hits: number;
                /** Format: uuid */
                pipelineId: string;
                requests: number;
                sector: string;
                /** @description The query (first 160 characters), as the cache stored it (redacted) */
                text: string;
                /** Format: uuid */
                workspaceId: string;
                x: number;
                y: number;
            }[];
            /** @description Cached queries on the map (the most asked, at most 3,000) */
            queries: number;
            snapshot: {
                /** @description Requests that went through a cache node */
                cached: number;
                costSavedUsd: number;
                costUsd: number;
                errors: number;
                /** @description Percent of the cached requests that were hits */
                hitRate: number;
                hits: number;
                /** @description The window of the figures: the last 24 hours */
                hours: number;
                latencyAvg: number;
                /** @description Milliseconds */
                latencyP50: number;
                latencyP95: number;
                requests: number;
                sectors: {
                    hitRate: number;
                    requests: number;
                    sector: string;
                }[];
                tokensIn: number;
                tokensOut: number;
                tokensSaved: number;
                /** @description Requests of pipelines without a cache node: counted, not on the map */
                unmapped: number;
            } | null;
        };
        AiQueryMapRefresh: {
            /** Format: uuid */
            jobId: string;
            /** @description False when a refresh was already queued or running: its id */
            submitted: boolean;
        };
        AiRequestPage: {
            items: components["schemas"]["AiRequestRow"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        AiRequestRow: {
            /** Format: uuid */
            apiKeyId: string | null;
            /** Format: date-time */
            at: string;
            cache: string;
            /** Format: uuid */
            cacheEntryId: string | null;
            costSavedUsd: number;
            costUsd: number;
            errorCode: string | null;
            id: number;
            latencyMs: number;
            model: string | null;
            pipelineVersion: number;
            /** @description Only when the pipeline stores prompts, within its retention */
            prompt: string | null;
            protocol: string;
            provider: string | null;
            purpose: string;
            response: string | null;
            status: string;
            tokensIn: number;
            tokensOut: number;
            tokensSaved: number;
            upstreamMs: number;
        };
        AiSectorDashboard: {
            days: {
                avgLatency: number;
                cacheHits: number;
                cacheMisses: number;
                costSaved: number;
                /**
                 * Format: date
                 * @description Calendar day YYYY-MM-DD
                 */
                date: string;
                tokensSaved: number;
                topQueryTypes: {
                    count: number;
                    hitRate: number;
                    type: string;
                }[];
                totalRequests: number;
            }[];
            metrics: {
                activePipelines: number;
                avgLatency24h: number;
                cacheHits24h: number;
                cacheMisses24h: number;
                costSaved7d: number;
                costSaved24h: number;
                costUsd24h: number;
                errors24h: number;
                hitRate24h: number;
                pipelines: number;
                requests7d: number;
                requests24h: number;
                sector: string;
                tokensIn24h: number;
                tokensOut24h: number;
                tokensSaved24h: number;
                workspaces: number;
            } | null;
            pipelines: {
                /** Format: uuid */
                id: string;
                metrics24h: components["schemas"]["AiMetrics"];
                monthlyCost: number;
                name: string;
                sector: string;
                slug: string;
                status: string;
                /** Format: uuid */
                workspaceId: string;
            }[];
            sector: string;
        };
        AiWorkspace: {
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** Format: uuid */
            id: string;
            monthlyBudgetTokens: number | null;
            monthlyBudgetUsd: number | null;
            name: string;
            /** @description Pipelines that are not archived */
            pipelines: number;
            sector: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AiWorkspaceKey: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            name: string;
            /** @description The first characters of the key, to recognise it */
            prefix: string;
            /** Format: date-time */
            revokedAt: string | null;
            scopes: string[];
            /** Format: uuid */
            workspaceId: string;
        };
        AiWorkspaceKeyCreated: {
            apiKey: components["schemas"]["AiWorkspaceKey"];
            /** @description The secret, shown this once */
            key: string;
        };
        AiWorkspaceKeyPage: {
            items: components["schemas"]["AiWorkspaceKey"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        AiWorkspacePage: {
            items: components["schemas"]["AiWorkspace"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        AiWorkspaceSummary: {
            activePipelines: number;
            avgLatency24h: number;
            cacheHits24h: number;
            cacheMisses24h: number;
            costSaved24h: number;
            costUsd24h: number;
            description: string;
            errors24h: number;
            hitRate24h: number;
            monthlyBudgetTokens: number | null;
            monthlyBudgetUsd: number | null;
            monthlyCost: number;
            name: string;
            pipelines: number;
            requests24h: number;
            sector: string;
            tokensIn24h: number;
            tokensOut24h: number;
            tokensSaved24h: number;
            /** Format: uuid */
            workspaceId: string;
        };
        AiWorkspaceSummaryList: {
            items: components["schemas"]["AiWorkspaceSummary"][];
        };
        Alarm: {
            ackNote: string | null;
            /** Format: date-time */
            acknowledgedAt: string | null;
            /** Format: uuid */
            acknowledgedBy: string | null;
            /** Format: date-time */
            clearedAt: string | null;
            /** Format: uuid */
            clearedBy: string | null;
            clearNote: string | null;
            /** Format: uuid */
            facilityId: string;
            /** Format: uuid */
            groupId: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastSignalAt: string;
            message: string;
            /** Format: date-time */
            openedAt: string;
            rule: string;
            /** Format: uuid */
            sensorId: string | null;
            severity: "warning" | "critical";
            signalCount: number;
            status: "open" | "acknowledged" | "cleared";
            value: number | null;
        };
        AlarmPage: {
            items: components["schemas"]["Alarm"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        AnalysisDetail: {
            analyzers: {
                [key: string]: unknown;
            };
            analyzersRun: string[];
            /** Format: uuid */
            batchId: string;
            /** Format: date-time */
            completedAt: string | null;
            config: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            dataTier: number | null;
            errorMessage: string | null;
            /** Format: uuid */
            facilityId: string;
            fileName: string | null;
            fileSize: number | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            importId: string;
            insightCount: number;
            insights: components["schemas"]["Insight"][];
            jobId: string | null;
            name: string;
            narrative: string | null;
            narrativeSource: string | null;
            results: {
                [key: string]: unknown;
            } | null;
            rowCount: number;
            status: "processing" | "completed" | "failed";
            timings: {
                [key: string]: number;
            };
        };
        AnalysisPage: {
            items: components["schemas"]["AnalysisSummary"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        AnalysisSchedule: {
            /** Format: date-time */
            createdAt: string;
            cron: string;
            facility: {
                code: string;
                /** Format: uuid */
                id: string;
                name: string;
                timezone: string;
            };
            /** Format: uuid */
            id: string;
            lastRun: components["schemas"]["ScheduleRun"] | null;
            name: string;
            /** Format: date-time */
            nextRunAt: string | null;
            /** @description The next run in the facility's time, YYYY-MM-DD HH:mm */
            nextRunLocal: string | null;
            /** Format: uuid */
            profileId: string | null;
            source: {
                /** @description The watched folder, under DATA_DIR */
                folder: string | null;
                /** @description Header names, values masked */
                headers: {
                    [key: string]: string;
                };
                kind: "folder" | "url";
                /** @description User and password in the URL are masked */
                url: string | null;
            };
            status: "active" | "paused";
            /** Format: date-time */
            updatedAt: string;
        };
        AnalysisSchedulePage: {
            items: components["schemas"]["AnalysisSchedule"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        AnalysisSummary: {
            analyzersRun: string[];
            /** Format: uuid */
            batchId: string;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            dataTier: number | null;
            errorMessage: string | null;
            /** Format: uuid */
            facilityId: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            importId: string;
            insightCount: number;
            jobId: string | null;
            name: string;
            rowCount: number;
            status: "processing" | "completed" | "failed";
        };
        AnalyticsSettings: {
            duplicatePolicy: "refuse" | "mark";
            /** @description Uploaded files are kept this long for reprocessing and download; 0 keeps them */
            fileRetentionDays: number;
            rejectPolicy: "skip" | "fail";
        };
        AnalyzerConfig: {
            /** Format: uuid */
            customerId: string;
            diffFromPreset: components["schemas"]["ConfigChange"][];
            /** Format: uuid */
            facilityId: string | null;
            /** @description False: no configuration of its own, the values are inherited */
            own: boolean;
            presetType: "conservative" | "balanced" | "aggressive" | "custom";
            /** Format: date-time */
            updatedAt: string | null;
            values: {
                [key: string]: boolean | number | string;
            };
        };
        /** @description Values of the 39 analyzer variables (any subset) */
        AnalyzerConfigValues: {
            /** @description Earlier analyses of the facility inside this window form its baseline (shared, days) */
            baseline_window_days?: number;
            /** @description A work center loaded above this is a bottleneck (efficiency, %) */
            bottleneck_utilization_pct?: number;
            /** @description Confidence a difference must reach (1 − the adjusted p-value) to be reported (shared, probability) */
            confidence_level?: number;
            /** @description Smallest rank correlation between two fields that is reported (shared, |rho|) */
            correlation_min_abs?: number;
            /** @description Robust z-score of cost per piece above which a work order is an outlier (cost, z) */
            cost_outlier_z?: number;
            /** @description Total cost over plan by more than this is reported (per entity and overall) (cost, %) */
            cost_variance_threshold_pct?: number;
            /** @description Run or labour hours over plan by more than this are reported (efficiency, %) */
            cycle_time_variance_threshold_pct?: number;
            /** @description Rate that turns hours into money when labour cost is not mapped (cost, currency/h) */
            default_labor_rate?: number;
            /** @description Defects per piece above this is reported (quality, %) */
            defect_rate_threshold_pct?: number;
            /** @description A machine with more than this share of all downtime is reported (equipment, %) */
            downtime_share_threshold_pct?: number;
            /** @description Downtime on one work order at or above this counts as a stoppage (MTBF/MTTR when no failure flag) (equipment, min) */
            downtime_threshold_minutes?: number;
            /** @description Horizon of the expected-failures forecast per machine (equipment, days) */
            failure_horizon_days?: number;
            /** @description Predicted failure probability at which a work order counts as high risk (equipment, probability) */
            failure_risk_threshold?: number;
            /** @description First-pass yield below this is reported (quality, %) */
            first_pass_yield_target_pct?: number;
            /** @description Value scrapped pieces at their unit cost and report the scrap cost (cost) */
            include_scrap_cost?: boolean;
            /** @description Planned ÷ actual labour hours below this is reported (efficiency, %) */
            labor_productivity_target_pct?: number;
            /** @description Labour cost over plan by more than this is reported (cost, %) */
            labor_variance_threshold_pct?: number;
            /** @description A work order finishing later than its planned end by more than this is late (efficiency, h) */
            late_tolerance_hours?: number;
            /** @description Material cost over plan by more than this is reported (cost, %) */
            material_variance_threshold_pct?: number;
            /** @description Cost findings worth less than this are left out (cost, currency) */
            min_cost_impact?: number;
            /** @description Lots smaller than this are left out of the per-lot chart (quality, pieces) */
            min_lot_size?: number;
            /** @description Fewest work orders an entity needs before it is judged (shared, work orders) */
            min_sample_size?: number;
            /** @description Machines failing more often than every this many run hours are reported (equipment, h) */
            mtbf_alert_hours?: number;
            /** @description OEE below this is reported (efficiency, %) */
            oee_target_pct?: number;
            /** @description Overhead cost over plan by more than this is reported (cost, %) */
            overhead_variance_threshold_pct?: number;
            /** @description Failures of one machine inside the window that make a repeated-failure alert (equipment, failures) */
            repeat_failure_count?: number;
            /** @description Window of the repeated-failure alert (equipment, days) */
            repeat_failure_window_days?: number;
            /** @description Rework rate above this is reported (quality, %) */
            rework_rate_threshold_pct?: number;
            /** @description Share of work orders finished on time below this is reported (efficiency, %) */
            schedule_adherence_threshold_pct?: number;
            /** @description Scrap rate above this is reported (overall and per entity) (quality, %) */
            scrap_rate_threshold_pct?: number;
            /** @description Setup share of booked hours above this is reported (efficiency, %) */
            setup_time_threshold_pct?: number;
            spc_rules?: "we1" | "western-electric" | "nelson";
            /** @description Width of the control limits of the per-lot p-chart (quality, σ) */
            spc_sigma?: number;
            /** @description A supplier whose material scraps or fails above this rate is reported (quality, %) */
            supplier_defect_threshold_pct?: number;
            /** @description A week-over-baseline drop in good output larger than this is reported (efficiency, %) */
            throughput_drop_threshold_pct?: number;
            /** @description How many parts, work centers and suppliers the cost-driver ranking names (cost, entities) */
            top_cost_drivers?: number;
            /** @description Fewest weekly points before a trend is tested (Mann-Kendall) (shared, periods) */
            trend_min_points?: number;
            /** @description Machine utilisation above this is reported as overloaded (equipment, %) */
            utilization_high_pct?: number;
            /** @description Machine utilisation below this is reported as underused (equipment, %) */
            utilization_low_pct?: number;
        };
        ApiKey: {
            /** Format: date-time */
            createdAt: string;
            createdBy: {
                email: string | null;
                /** Format: uuid */
                id: string;
            };
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            lastUsedAt: string | null;
            name: string;
            /** @description First characters of the key, to tell keys apart */
            prefix: string;
            revokedAt: string | null;
            scopes: ("read" | "operate" | "analyze" | "admin")[];
        };
        ApiKeyCreated: {
            apiKey: components["schemas"]["ApiKey"];
            /** @description The secret key, shown only in this response: send it as X-API-Key */
            key: string;
        };
        ApiKeyPage: {
            items: components["schemas"]["ApiKey"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        AuditEntry: {
            action: string;
            actor: {
                apiKeyId: string | null;
                label: string | null;
                userId: string | null;
            };
            details: {
                [key: string]: unknown;
            } | null;
            id: number;
            ip: string | null;
            /** Format: date-time */
            occurredAt: string;
            requestId: string | null;
            subject: string | null;
            target: {
                id: string | null;
                type: string;
            } | null;
        };
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            /** @description Pass as `before` for the next page */
            nextCursor: number | null;
        };
        Batch: {
            code: string;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            facilityId: string;
            goodCount: number | null;
            /** Format: uuid */
            id: string;
            idealCycleSeconds: number;
            labourHours: number | null;
            labourRate: number;
            /** Format: uuid */
            lineId: string;
            lineName: string | null;
            materialCostPerUnit: number;
            notes: string | null;
            oee: {
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                availability: number | null;
                costs: {
                    labour: number;
                    material: number;
                    scrap: number;
                };
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                oee: number | null;
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                performance: number | null;
                /** @description Performance over 100 %: check the ideal cycle time */
                performanceAboveIdeal: boolean;
                plannedProductionMinutes: number;
                plannedStopMinutes: number;
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                quality: number | null;
                runMinutes: number;
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                scrapRate: number | null;
                totalCount: number;
                unplannedDowntimeMinutes: number;
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                yield: number | null;
            } | null;
            /** Format: date-time */
            plannedEnd: string | null;
            plannedQuantity: number;
            /** Format: date-time */
            plannedStart: string | null;
            productName: string | null;
            productSku: string;
            reworkCount: number | null;
            scrapCount: number | null;
            /** Format: date-time */
            startedAt: string | null;
            status: "planned" | "running" | "completed";
        };
        BatchPage: {
            items: components["schemas"]["Batch"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        CanonicalField: {
            aggregation: string;
            description: string;
            group: "identifiers" | "quantities" | "dates" | "hours" | "costs" | "quality" | "equipment";
            key: string;
            label: string;
            required: boolean;
            type: string;
            unit: string | null;
        };
        ChatMessage: {
            content: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            role: "user" | "assistant";
            sources: {
                [key: string]: unknown;
            } | null;
        };
        ConfigChange: {
            from: boolean | number | string | null;
            to: boolean | number | string | null;
            variable: string;
        };
        ConfigHistoryEntry: {
            /** Format: date-time */
            changedAt: string;
            /** Format: uuid */
            changedBy: string | null;
            diff: components["schemas"]["ConfigChange"][];
            /** Format: uuid */
            facilityId: string | null;
            id: number;
            presetType: "conservative" | "balanced" | "aggressive" | "custom";
        };
        ConfigPresets: {
            presets: {
                [key: string]: {
                    [key: string]: boolean | number | string;
                };
            };
            variables: components["schemas"]["ConfigVariable"][];
        };
        ConfigVariable: {
            analyzer: string;
            default: boolean | number | string;
            description: string;
            key: string;
            max: number | null;
            min: number | null;
            type: "number" | "integer" | "boolean" | "enum";
            unit: string;
            values: string[] | null;
        };
        Customer: {
            address: string | null;
            contactName: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: email */
            email: string;
            /** Format: uuid */
            id: string;
            name: string;
            notes: string | null;
            phone: string | null;
            plan: "pilot" | "subscription";
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            startDate: string;
            status: "trial" | "active" | "inactive";
            /** Format: date-time */
            updatedAt: string;
        };
        CustomerDetail: {
            customer: components["schemas"]["Customer"];
            facilities: components["schemas"]["Facility"][];
        };
        CustomerPage: {
            items: components["schemas"]["Customer"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        DomainEvent: {
            aggregateId: string;
            aggregateType: string;
            data: {
                [key: string]: unknown;
            };
            id: number;
            /** Format: date-time */
            occurredAt: string;
            /** @description Its place in the history, in commit order: pass the last one seen as `after` */
            position: number;
            type: string;
        };
        DowntimeReason: {
            active: boolean;
            category: string;
            code: string;
            label: string;
            planned: boolean;
        };
        /** Error */
        ErrorBody: {
            error: {
                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "request_timeout" | "conflict" | "gone" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "request_header_fields_too_large" | "internal" | "unavailable";
                details?: {
                    message: string;
                    path: string;
                }[];
                message: string;
                requestId: string;
            };
        };
        Facility: {
            code: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            timezone: string;
        };
        FacilityComparison: {
            facilities: {
                analyses: {
                    completedAt: string;
                    id: string;
                    importId: string;
                    name: string;
                }[];
                code: string;
                goodUnits: number;
                id: string;
                imports: {
                    completedAt: string;
                    fileName: string;
                    id: string;
                    workOrders: number;
                }[];
                name: string;
                /** @description The day after the last, at local midnight (exclusive) */
                periodEnd: string;
                /** @description The first local day at local midnight */
                periodStart: string;
                timezone: string;
                unitsProduced: number;
            }[];
            from: string;
            metrics: {
                best: string[];
                direction: "higher" | "lower" | "neutral";
                group: "oee" | "production" | "quality" | "cost" | "downtime" | "alarms" | "inspection";
                key: string;
                label: string;
                unit: "ratio" | "count" | "currency" | "currencyPerUnit" | "minutesPerHour";
                values: {
                    analysisIds: string[];
                    facilityId: string;
                    reason: string | null;
                    value: number | null;
                }[];
                worst: string[];
            }[];
            to: string;
        };
        FacilityList: {
            items: components["schemas"]["Facility"][];
        };
        FieldMapping: {
            /** @description A source column header, as in the file */
            column?: string;
            constant?: boolean | number | string;
            /** @description A canonical work-order field */
            field: "workOrder" | "operationSeq" | "partNumber" | "partFamily" | "workCenter" | "machine" | "operator" | "shift" | "supplier" | "materialLot" | "customer" | "facility" | "qtyPlanned" | "qtyCompleted" | "qtyScrap" | "qtyRework" | "plannedStart" | "plannedEnd" | "actualStart" | "actualEnd" | "laborHoursPlanned" | "laborHoursActual" | "setupHours" | "runHours" | "downtimeMinutes" | "downtimeReason" | "materialCostPlanned" | "materialCostActual" | "laborCostPlanned" | "laborCostActual" | "overheadCostPlanned" | "overheadCostActual" | "standardCostTotal" | "actualCostTotal" | "defectCount" | "defectType" | "machineFailure" | "toolWearMinutes" | "processTemperature" | "ambientTemperature" | "spindleSpeed" | "torque";
            transform?: components["schemas"]["MappingTransform"];
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            uptimeSeconds: number;
            version: string;
        };
        ImportDetail: {
            aggregationStrategy: {
                [key: string]: string;
            };
            autoMapped: boolean;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            detected: {
                [key: string]: unknown;
            } | null;
            /** Format: uuid */
            duplicateOf: string | null;
            errorMessage: string | null;
            /** Format: uuid */
            facilityId: string;
            fileHash: string;
            fileName: string;
            fileSize: number;
            granularity: "header" | "operation";
            /** Format: uuid */
            id: string;
            jobId: string | null;
            mappings: components["schemas"]["FieldMapping"][];
            /** Format: uuid */
            profileId: string | null;
            profileVersion: number | null;
            rejectPolicy: "skip" | "fail";
            rowsAccepted: number;
            rowsRead: number;
            rowsRejected: number;
            sheet: string | null;
            /** Format: date-time */
            startedAt: string | null;
            status: "queued" | "processing" | "completed" | "failed";
            timings: {
                [key: string]: number;
            };
            workOrders: number;
        };
        ImportError: {
            column: string | null;
            reason: string;
            row: number;
            value: string | null;
        };
        ImportErrorPage: {
            items: components["schemas"]["ImportError"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        ImportPage: {
            items: components["schemas"]["ImportSummary"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        ImportSummary: {
            autoMapped: boolean;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            duplicateOf: string | null;
            errorMessage: string | null;
            /** Format: uuid */
            facilityId: string;
            fileHash: string;
            fileName: string;
            fileSize: number;
            granularity: "header" | "operation";
            /** Format: uuid */
            id: string;
            jobId: string | null;
            /** Format: uuid */
            profileId: string | null;
            profileVersion: number | null;
            rejectPolicy: "skip" | "fail";
            rowsAccepted: number;
            rowsRead: number;
            rowsRejected: number;
            sheet: string | null;
            /** Format: date-time */
            startedAt: string | null;
            status: "queued" | "processing" | "completed" | "failed";
            workOrders: number;
        };
        InboxItem: {
            body: string;
            /** Format: date-time */
            createdAt: string;
            eventKind: string;
            id: number;
            link: string | null;
            /** Format: uuid */
            notificationId: string;
            /** Format: date-time */
            readAt: string | null;
            severity: string;
            title: string;
        };
        InboxPage: {
            items: components["schemas"]["InboxItem"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        InboxUnread: {
            /** @description Unread items; pushed live on topic `inbox:<your user id>` */
            unread: number;
        };
        /** InfluxDB error */
        InfluxError: {
            /** @description InfluxDB's error code: invalid, unauthorized, request too large … */
            code: string;
            error: {
                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "request_timeout" | "conflict" | "gone" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "request_header_fields_too_large" | "internal" | "unavailable";
                details?: {
                    message: string;
                    path: string;
                }[];
                message: string;
                requestId: string;
            };
            /** @description Line of the body the first rejection is on */
            line?: number;
            message: string;
        };
        IngestResult: {
            accepted: number;
            alarmsOpened: number;
            errors: {
                index: number;
                reason: string;
            }[];
            reasons: {
                [key: string]: number;
            };
            rejected: number;
        };
        Insight: {
            analyzer: "cost" | "equipment" | "quality" | "efficiency" | "cross";
            chart?: {
                [key: string]: unknown;
            };
            detail: string;
            entity: {
                id: string;
                type: "machine" | "workCenter" | "part" | "partFamily" | "supplier" | "operator" | "shift" | "customer" | "materialLot" | "downtimeReason" | "defectType" | "workOrder" | "condition" | "facility" | "metric";
            } | null;
            evidence: {
                baseline: number | null;
                expected: number | null;
                metric: string;
                pValue: number | null;
                sampleSize: number;
                statistic: {
                    name: string;
                    value: number;
                } | null;
                value: number;
            };
            /** @description Rank within the analysis (1 = largest impact) */
            id: number;
            impact: {
                currency: number | null;
                formula: string;
                hours: number | null;
                /** @description Currency-equivalent used for ranking */
                score: number;
                units: number | null;
            };
            key: string;
            kind: string;
            recommendation: string;
            rowCount: number;
            /** @description How the rows behind it are selected */
            rows: {
                [key: string]: unknown;
            };
            severity: "info" | "low" | "medium" | "high" | "critical";
            title: string;
        };
        InsightRowsPage: {
            insight: components["schemas"]["Insight"];
            items: {
                id: number;
                rowNo: number;
                values: {
                    [key: string]: number | string | boolean;
                };
            }[];
            limit: number;
            offset: number;
            total: number;
        };
        InspectionCamera: {
            detectOnIngest: boolean;
            height: number;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastSeenAt: string | null;
            /** Format: uuid */
            lineId: string | null;
            mmPerPixel: number;
            name: string;
            orientation: number;
            regionVersion: number;
            serialNumber: string;
            /** Format: uuid */
            stationId: string;
            status: "online" | "offline" | "maintenance";
            width: number;
        };
        InspectionCameraPage: {
            items: components["schemas"]["InspectionCamera"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        InspectionCurrentPart: {
            part: components["schemas"]["InspectionPart"] | null;
            partNumber: string;
            partSerial: string | null;
            /** Format: date-time */
            setAt: string;
            /** Format: uuid */
            stationId: string;
        };
        InspectionDefect: {
            areaMm2: number;
            areaPx: number;
            bbox: {
                h: number;
                w: number;
                x: number;
                y: number;
            };
            /** Format: uuid */
            cameraId: string;
            confidence: number | null;
            contour: number[][] | null;
            /** Format: date-time */
            createdAt: string;
            cx: number;
            cy: number;
            diameterMm: number;
            disposition: "pending" | "accept" | "reject" | "rework" | "false_positive";
            /** Format: date-time */
            dispositionAt: string | null;
            /** Format: uuid */
            dispositionBy: string | null;
            dispositionNote: string | null;
            /** Format: uuid */
            id: string;
            ignored: boolean;
            /** Format: uuid */
            imageId: string;
            regionIds: string[];
            review: ("pending" | "confirmed" | "overturned") | null;
            /** Format: date-time */
            reviewedAt: string | null;
            /** Format: uuid */
            reviewedBy: string | null;
            source: "vision" | "detector" | "manual";
            /** Format: uuid */
            triggerId: string;
            type: "porosity" | "gas_pore" | "shrinkage" | "inclusion" | "crack" | "other";
        };
        InspectionDefectList: {
            /** Format: uuid */
            imageId: string;
            items: components["schemas"]["InspectionDefect"][];
        };
        InspectionDefectStatistics: {
            byCamera: {
                /** Format: uuid */
                cameraId: string;
                cameraName: string;
                defects: number;
                failedImages: number;
                images: number;
            }[];
            byDisposition: {
                count: number;
                disposition: "pending" | "accept" | "reject" | "rework" | "false_positive";
            }[];
            byPartDisposition: {
                count: number;
                disposition: "accept" | "reject" | "rework" | "scrap";
            }[];
            byPartNumber: {
                defects: number;
                failed: number;
                partNumber: string;
                triggers: number;
            }[];
            byRegion: {
                /** Format: uuid */
                cameraId: string | null;
                count: number;
                name: string | null;
                /** Format: uuid */
                regionId: string;
            }[];
            byType: {
                count: number;
                type: "porosity" | "gas_pore" | "shrinkage" | "inclusion" | "crack" | "other";
            }[];
            falsePositiveByCameraAndType: {
                /** Format: uuid */
                cameraId: string;
                cameraName: string;
                dispositioned: number;
                falsePositives: number;
                rate: number;
                type: "porosity" | "gas_pore" | "shrinkage" | "inclusion" | "crack" | "other";
            }[];
            pareto: {
                count: number;
                cumulativeShare: number;
                share: number;
                type: "porosity" | "gas_pore" | "shrinkage" | "inclusion" | "crack" | "other";
            }[];
            period: {
                bucket: "day" | "shift";
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
            };
            series: {
                defects: number;
                failed: number;
                /** Format: date-time */
                start: string;
                triggers: number;
            }[];
            totals: {
                defects: number;
                /** @description Defects whose disposition is not pending */
                dispositionedDefects: number;
                /** @description Triggers with a part disposition */
                dispositionedParts: number;
                failedTriggers: number;
                /** @description falsePositives / dispositionedDefects */
                falsePositiveRate: number;
                falsePositives: number;
                /** @description reworkParts / dispositionedParts */
                partReworkShare: number;
                /** @description failedTriggers / triggers */
                rejectRate: number;
                reworkDefects: number;
                reworkParts: number;
                /** @description reworkDefects / dispositionedDefects */
                reworkShare: number;
                triggers: number;
            };
        };
        InspectionImage: {
            bitDepth: number;
            bytes: number;
            /** Format: uuid */
            cameraId: string;
            /** Format: date-time */
            capturedAt: string;
            defectCount: number;
            format: string;
            height: number;
            /** Format: uuid */
            id: string;
            regionVersion: number;
            /** Format: uuid */
            triggerId: string;
            url: string;
            verdict: "pass" | "fail";
            verdictDetail: {
                [key: string]: unknown;
            };
            width: number;
        };
        InspectionImageWithDefects: {
            defects: components["schemas"]["InspectionDefect"][];
            image: components["schemas"]["InspectionImage"];
        };
        InspectionPart: {
            drawingRevision: string | null;
            /** Format: uuid */
            id: string;
            material: string | null;
            name: string;
            partNumber: string;
            regionSet: string;
        };
        InspectionPartPage: {
            items: components["schemas"]["InspectionPart"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        InspectionRegion: {
            /** Format: uuid */
            cameraId: string;
            /** Format: uuid */
            id: string;
            kind: "inspect" | "ignore";
            name: string;
            polygon: number[][];
            regionSet: string;
            rules: components["schemas"]["InspectionRules"];
            severity: "critical" | "major" | "minor";
            /** Format: date-time */
            updatedAt: string;
        };
        InspectionRegionList: {
            /** Format: uuid */
            cameraId: string;
            items: components["schemas"]["InspectionRegion"][];
            version: number;
        };
        InspectionRules: {
            ignoreBelowMm?: number;
            maxAreaShare?: number;
            maxDensityPerCm2?: number;
            maxPoreCount?: number;
            maxPoreSizeMm?: number;
            minSpacingMm?: number;
            spacingMode?: "merge" | "fail";
            types?: ("porosity" | "gas_pore" | "shrinkage" | "inclusion" | "crack" | "other")[];
        };
        InspectionStation: {
            cameraCount: number;
            /** Format: date-time */
            createdAt: string;
            currentPart: {
                partNumber: string;
                partSerial: string | null;
            } | null;
            /** Format: uuid */
            facilityId: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            lineId: string | null;
            name: string;
        };
        InspectionStationPage: {
            items: components["schemas"]["InspectionStation"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        InspectionTrigger: {
            /** Format: date-time */
            createdAt: string;
            defectCount: number;
            disposition: ("accept" | "reject" | "rework" | "scrap") | null;
            /** Format: date-time */
            dispositionAt: string | null;
            /** Format: uuid */
            dispositionBy: string | null;
            dispositionNote: string | null;
            /** Format: uuid */
            id: string;
            imageCount: number;
            partNumber: string;
            partSerial: string;
            reasons: string[];
            /** Format: uuid */
            stationId: string;
            /** Format: date-time */
            ts: string;
            verdict: "pass" | "fail";
        };
        InspectionTriggerDetail: {
            images: components["schemas"]["InspectionImageWithDefects"][];
            trigger: components["schemas"]["InspectionTrigger"];
        };
        InspectionTriggerPage: {
            items: components["schemas"]["InspectionTrigger"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        Invitation: {
            /** Format: date-time */
            expiresAt: string;
            /** @description Shown once: the person opens /accept-invitation?token=… and accepts, choosing a password if new to PlantIntel or signed in with their account */
            token: string;
        };
        Job: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            durationMs: number | null;
            error: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            maxAttempts: number;
            message: string | null;
            name: string;
            priority: number;
            progress: number;
            /** @description What the job returned (when completed) */
            result: unknown;
            /** Format: date-time */
            startedAt: string | null;
            status: "queued" | "running" | "retrying" | "completed" | "failed";
        };
        JobPage: {
            items: components["schemas"]["Job"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        Line: {
            code: string;
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            /** Format: uuid */
            facilityId: string;
            /** Format: uuid */
            id: string;
            name: string;
            oeeTarget: number;
            scrapThreshold: number;
            status: "running" | "idle" | "down" | "maintenance";
            statusReasonCode: string | null;
            /** Format: date-time */
            statusSince: string;
        };
        LineDetail: {
            currentBatch: components["schemas"]["Batch"] | null;
            line: components["schemas"]["Line"];
            /** @description Newest first */
            recentStatus: {
                /** Format: date-time */
                endedAt: string | null;
                note: string | null;
                reasonCode: string | null;
                /** Format: date-time */
                startedAt: string;
                status: "running" | "idle" | "down" | "maintenance";
            }[];
        };
        LinePage: {
            items: components["schemas"]["Line"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        MappingProfile: {
            aggregationStrategy: {
                [key: string]: string;
            };
            configVariables: {
                key: string;
                value: unknown;
            }[];
            /** Format: date-time */
            createdAt: string;
            dataGranularity: "header" | "operation";
            description: string | null;
            erpSystem: string | null;
            /** Format: uuid */
            id: string;
            isActive: boolean;
            /** Format: date-time */
            lastUsed: string | null;
            mappings: components["schemas"]["FieldMapping"][];
            name: string;
            /** Format: date-time */
            updatedAt: string;
            usageCount: number;
            /** @description Raised by every update; imports record the version they used */
            version: number;
        };
        MappingProfilePage: {
            items: components["schemas"]["MappingProfile"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        MappingProfileVersion: {
            content: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            version: number;
        };
        MappingSuggestion: {
            alternatives: {
                column: string;
                confidence: number;
            }[];
            column: string | null;
            /** @description 0–1 */
            confidence: number;
            detail: string;
            field: string;
            reason: ("profile" | "header" | "synonym" | "pattern") | null;
            transform?: components["schemas"]["MappingTransform"];
        };
        MappingTransform: {
            /** @description Date pattern such as DD.MM.YYYY, MM/DD/YYYY HH:mm, YYYYMMDD, or `excel` (serial days) */
            dateFormat?: string;
            decimal?: "." | ",";
            /** @description Added after scaling: kelvin → °C −273.15 */
            offset?: number;
            /** @description Multiplies the number: minutes → hours 0.0166667, kg → t 0.001 */
            scale?: number;
            thousands?: "" | "," | "." | " " | "'";
            /** @description Source value (trimmed, any case) → value used: {"X": true, "": false} */
            valueMap?: {
                [key: string]: boolean | number | string;
            };
        };
        Me: {
            facilities: components["schemas"]["Facility"][];
            memberships: {
                role: "admin" | "analyst" | "operator" | "viewer";
                tenant: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    plan: string;
                    status: string;
                };
            }[];
            platformRole: "superadmin" | null;
            principal: "user" | "apiKey";
            role: ("admin" | "analyst" | "operator" | "viewer") | null;
            scopes: ("read" | "operate" | "analyze" | "admin")[];
            tenant: {
                /** Format: uuid */
                id: string;
                name: string;
                plan: string;
                status: string;
            } | null;
            user: {
                email: string;
                /** Format: uuid */
                id: string;
                name: string;
            };
        };
        Member: {
            /** @description Whether the person accepted the invitation (false also for a withdrawn one) */
            accepted: boolean;
            email: string;
            /** Format: uuid */
            id: string;
            lastLoginAt: string | null;
            /** Format: date-time */
            memberSince: string;
            name: string;
            passwordSet: boolean;
            role: "admin" | "analyst" | "operator" | "viewer";
            /** @description `invited`: added, waiting for the person to accept; no access until then */
            status: "active" | "inactive" | "invited";
        };
        MemberCreated: {
            invitation: components["schemas"]["Invitation"] | null;
            user: components["schemas"]["Member"];
        };
        MemberPage: {
            items: components["schemas"]["Member"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        NotificationChannel: {
            consecutiveFailures: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            disabledAt: string | null;
            disabledReason: string | null;
            enabled: boolean;
            /** @description webhook: extra headers sent (values are not shown) */
            headerNames: string[];
            /** Format: uuid */
            id: string;
            kind: "email" | "webhook" | "in_app";
            name: string;
            /** @description email: the addresses */
            recipients: string[];
            /** Format: date-time */
            updatedAt: string;
            /** @description webhook: the endpoint */
            url: string | null;
            /** @description in_app: the members reached; empty = every member */
            userIds: string[];
        };
        NotificationChannelCreated: {
            channel: components["schemas"]["NotificationChannel"];
            /** @description webhook: the signing secret — shown this once, store it now */
            secret: string | null;
        };
        NotificationDelivery: {
            attemptLog: {
                /** Format: date-time */
                at: string;
                attempt: number;
                durationMs: number;
                error: string | null;
                ok: boolean;
                statusCode: number | null;
            }[];
            attempts: number;
            /** Format: uuid */
            channelId: string;
            channelName: string;
            /** Format: date-time */
            createdAt: string;
            eventKind: string;
            /** Format: date-time */
            holdUntil: string | null;
            /** Format: uuid */
            id: string;
            isTest: boolean;
            kind: string;
            lastError: string | null;
            lastStatusCode: number | null;
            /** Format: date-time */
            nextAttemptAt: string | null;
            /** Format: uuid */
            notificationId: string;
            recipient: string | null;
            /** Format: date-time */
            sentAt: string | null;
            status: "pending" | "retrying" | "held" | "digest" | "sent" | "failed" | "digested";
            title: string;
            /** Format: date-time */
            updatedAt: string;
        };
        NotificationDeliveryPage: {
            items: components["schemas"]["NotificationDelivery"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        NotificationPreferences: {
            digest: boolean;
            digestHour: number;
            /** @description The zone used: yours, else the first facility’s */
            effectiveTimezone: string;
            eventKinds: ("analysis.completed" | "insight.severity" | "alarm.unacknowledged" | "inspection.reject_rate" | "job.failed" | "schedule.failed" | "schedule.completed")[] | null;
            /** @description Local time HH:MM */
            quietEnd: string | null;
            /** @description Local time HH:MM */
            quietStart: string | null;
            timezone: string | null;
        };
        NotificationRule: {
            channelIds: string[];
            /** Format: date-time */
            createdAt: string;
            enabled: boolean;
            escalationChannelIds: string[];
            eventKind: "analysis.completed" | "insight.severity" | "alarm.unacknowledged" | "inspection.reject_rate" | "job.failed" | "schedule.failed" | "schedule.completed";
            /** Format: uuid */
            id: string;
            name: string;
            params: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            updatedAt: string;
        };
        NotificationTestResult: {
            deliveries: components["schemas"]["NotificationDelivery"][];
            /** @description in_app: inbox entries created */
            inboxItems: number;
            /** Format: uuid */
            notificationId: string;
        };
        OeeReport: {
            from: string;
            groupBy: "line" | "day" | "shift";
            groups: {
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                availability: number | null;
                batches: number;
                goodCount: number;
                key: string;
                label: string;
                losses: {
                    /** @description Unplanned downtime */
                    availabilityMinutes: number;
                    /** @description Run time minus ideal time of all pieces (negative above 100 %) */
                    performanceMinutes: number;
                    /** @description Ideal time spent on scrapped and reworked pieces */
                    qualityMinutes: number;
                };
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                oee: number | null;
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                performance: number | null;
                plannedProductionMinutes: number;
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                quality: number | null;
                runMinutes: number;
                totalCount: number;
            }[];
            to: string;
            total: {
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                availability: number | null;
                goodCount: number;
                losses: {
                    /** @description Unplanned downtime */
                    availabilityMinutes: number;
                    /** @description Run time minus ideal time of all pieces (negative above 100 %) */
                    performanceMinutes: number;
                    /** @description Ideal time spent on scrapped and reworked pieces */
                    qualityMinutes: number;
                };
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                oee: number | null;
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                performance: number | null;
                plannedProductionMinutes: number;
                /** @description Fraction (0.8881 = 88.81 %); null when undefined */
                quality: number | null;
                runMinutes: number;
                totalCount: number;
            };
        };
        ParetoReport: {
            /** Format: date-time */
            from: string;
            items: {
                category: string;
                cumulativeShare: number;
                label: string;
                minutes: number;
                planned: boolean;
                reasonCode: string;
                share: number;
                stops: number;
            }[];
            /** Format: date-time */
            to: string;
            totalMinutes: number;
        };
        Readiness: {
            database: {
                driver: "pglite" | "postgres";
                latencyMs: number | null;
                ok: boolean;
            };
            status: "ready" | "unavailable";
            version: string;
        };
        ReadingSeries: {
            /** @description raw, or the bucket width used (e.g. 2m, 1h) */
            bucket: string;
            buckets: {
                avg: number;
                count: number;
                first: number;
                last: number;
                max: number;
                min: number;
                /** Format: date-time */
                t: string;
            }[];
            /** Format: date-time */
            from: string;
            /** @description raw: pass as `after` for the next page */
            next: number | null;
            readings: {
                /** Format: date-time */
                t: string;
                value: number;
            }[];
            /** Format: uuid */
            sensorId: string;
            source: "raw" | "1m" | "1h";
            /** Format: date-time */
            to: string;
            widthSeconds: number | null;
        };
        SchedulePreview: {
            cron: string;
            runs: {
                /** Format: date-time */
                at: string;
                local: string;
            }[];
            timezone: string;
        };
        ScheduleRun: {
            /** Format: uuid */
            analysisId: string | null;
            comparison: {
                new: {
                    analyzer: string;
                    entity: {
                        id: string;
                        type: string;
                    } | null;
                    impactScore: number;
                    kind: string;
                    match: string;
                    previousImpactScore?: number;
                    previousSeverity?: string;
                    severity: string;
                    title: string;
                }[];
                /** Format: uuid */
                previousAnalysisId: string | null;
                /** Format: uuid */
                previousRunId: string | null;
                resolved: {
                    analyzer: string;
                    entity: {
                        id: string;
                        type: string;
                    } | null;
                    impactScore: number;
                    kind: string;
                    match: string;
                    previousImpactScore?: number;
                    previousSeverity?: string;
                    severity: string;
                    title: string;
                }[];
                summary: {
                    new: number;
                    resolved: number;
                    worse: number;
                };
                worse: {
                    analyzer: string;
                    entity: {
                        id: string;
                        type: string;
                    } | null;
                    impactScore: number;
                    kind: string;
                    match: string;
                    previousImpactScore?: number;
                    previousSeverity?: string;
                    severity: string;
                    title: string;
                }[];
            } | null;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Why the run failed, or why it had nothing to do */
            error: string | null;
            fileName: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            importId: string | null;
            jobId: string | null;
            /** Format: uuid */
            scheduleId: string;
            /** Format: date-time */
            slot: string;
            /** Format: date-time */
            startedAt: string | null;
            status: "queued" | "running" | "completed" | "failed" | "skipped";
            timings: {
                [key: string]: number;
            };
            trigger: "schedule" | "manual";
        };
        ScheduleRunPage: {
            items: components["schemas"]["ScheduleRun"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        Sensor: {
            clearAfterSeconds: number;
            controlLimits: {
                center: number;
                sigma: number;
                source: "manual" | "baseline";
            } | null;
            /** Format: date-time */
            createdAt: string;
            detection: {
                anomaly?: {
                    enabled: boolean;
                    /** @description Anomaly likelihood as −log10 p: 2 ≈ one chance in 100 */
                    threshold: number;
                };
                /** @description Readings to learn limits from */
                baselineCount: number;
                ewma: {
                    enabled: boolean;
                    lambda: number;
                    width: number;
                };
                /** @description SPC run rules to judge */
                rules: ("we1" | "we2" | "we3" | "we4" | "n1" | "n2" | "n3" | "n4" | "n5" | "n6" | "n7" | "n8")[];
                /** @description Alarm when a reading leaves the spec limits */
                spec: boolean;
                zscore: {
                    enabled: boolean;
                    threshold: number;
                    window: number;
                };
            };
            equipment: string | null;
            /** Format: uuid */
            facilityId: string;
            /** Format: uuid */
            id: string;
            key: string;
            /** Format: date-time */
            lastTs: string | null;
            lastValue: number | null;
            /** Format: uuid */
            lineId: string | null;
            lowerSpec: number | null;
            name: string;
            samplingSeconds: number | null;
            target: number | null;
            type: string;
            unit: string | null;
            upperSpec: number | null;
        };
        SensorDetail: {
            activeAlarms: components["schemas"]["Alarm"][];
            sensor: components["schemas"]["Sensor"];
        };
        SensorGroup: {
            alignSeconds: number;
            description: string | null;
            /** Format: date-time */
            evaluatedUntil: string | null;
            /** Format: uuid */
            facilityId: string;
            /** Format: uuid */
            id: string;
            model: {
                components: number;
                explained: number;
                quantile: number;
                rows: number;
                speLimit: number;
                t2Limit: number;
                /** Format: date-time */
                trainedFrom: string;
                /** Format: date-time */
                trainedTo: string;
            } | null;
            name: string;
            sensorIds: string[];
            /** Format: date-time */
            trainedAt: string | null;
        };
        SensorGroupDetail: {
            activeAlarms: components["schemas"]["Alarm"][];
            group: components["schemas"]["SensorGroup"];
        };
        SensorGroupPage: {
            items: components["schemas"]["SensorGroup"][];
            limit: number;
            offset: number;
            total: number;
        };
        SensorPage: {
            items: {
                activeAlarms: number;
                sensor: components["schemas"]["Sensor"];
                /** @description Two-minute means of the last two hours */
                sparkline: number[];
            }[];
            limit: number;
            offset: number;
            total: number;
        };
        Session: {
            accessToken: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /** Format: date-time */
            refreshExpiresAt: string;
            refreshToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        Shift: {
            active: boolean;
            breaks: {
                minutes: number;
                name: string;
                /** @description Local time HH:MM */
                start: string;
            }[];
            days: number[];
            endTime: string;
            /** Format: uuid */
            facilityId: string;
            /** Format: uuid */
            id: string;
            name: string;
            startTime: string;
        };
        SupplyAnomaly: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            day: string;
            detail: string;
            expected: number;
            /** Format: uuid */
            id: string;
            kind: "order_quantity" | "delivery_delay" | "delivery_cost";
            /** Format: uuid */
            orderId: string | null;
            /** Format: uuid */
            routeId: string | null;
            score: number;
            status: "open" | "dismissed";
            value: number;
        };
        SupplyAnomalyPage: {
            items: components["schemas"]["SupplyAnomaly"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplyClient: {
            address: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            latitude: number | null;
            longitude: number | null;
            name: string;
            /** @description 1 (highest) … 5 */
            priority: number;
            /** @description Minutes spent at the client per delivery */
            serviceMinutes: number;
            /** @description Promised delivery time in hours */
            slaHours: number | null;
            /** @description Delivery windows of a day (several allowed, not overlapping) */
            timeWindows: {
                /** @description Local time HH:MM */
                end: string;
                /** @description Local time HH:MM */
                start: string;
            }[];
            /** Format: date-time */
            updatedAt: string;
        };
        SupplyClientPage: {
            items: components["schemas"]["SupplyClient"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplyDecision: {
            /** @description Purchase-order lines (replenishment) or routes (routing) */
            actionCount: number;
            actions?: components["schemas"]["SupplyDecisionAction"][];
            confidence: number | null;
            confidenceNote: string | null;
            constraintChecks: {
                [key: string]: unknown;
            }[];
            constraints: {
                [key: string]: unknown;
            };
            costBreakdown: {
                [key: string]: number;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: uuid */
            decidedBy: string | null;
            decisionNote: string | null;
            errorMessage: string | null;
            /** Format: date-time */
            executedAt: string | null;
            /** Format: uuid */
            executedBy: string | null;
            /** Format: uuid */
            forecastRunId: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            jobId: string | null;
            modelVersions: {
                [key: string]: unknown;
            }[];
            /** @description Routing: the resolved request, objective, unserved orders, search statistics */
            plan: {
                [key: string]: unknown;
            };
            predictedCost: number | null;
            /** @description Which SKU × warehouse series (every one when empty) */
            scope: {
                categories?: string[];
                /** @description SKUs (all when absent) */
                skus?: string[];
                warehouseIds?: string[];
            };
            softScores: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            status: "pending" | "proposed" | "failed" | "approved" | "rejected" | "executed";
            summary: string | null;
            type: string;
        };
        SupplyDecisionAction: {
            amount: number;
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            arrivalDate: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            inventoryId: string | null;
            kind: string;
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            orderDate: string;
            /** Format: uuid */
            orderId: string | null;
            position: number;
            quantity: number;
            reason: string;
            sku: string;
            /** Format: uuid */
            warehouseId: string;
        };
        SupplyDecisionActionPage: {
            items: components["schemas"]["SupplyDecisionAction"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplyDecisionFactors: {
            /** Format: uuid */
            decisionId: string;
            items: {
                /** Format: uuid */
                actionId: string;
                factors: {
                    kind: string;
                    sentence: string;
                    weight: number;
                }[];
                quantity: number;
                sku: string;
                /** Format: uuid */
                warehouseId: string;
            }[];
            quantity: number;
            /** @description Routing: cost components per route (totals are over all routes) */
            routes?: {
                cost: number;
                factors: {
                    kind: string;
                    sentence: string;
                    weight: number;
                }[];
                /** Format: uuid */
                routeId: string;
                vehicleCode: string;
            }[];
            /** @enum {string} */
            status: "pending" | "proposed" | "failed" | "approved" | "rejected" | "executed";
            totals: {
                kind: string;
                share: number;
                weight: number;
            }[];
        };
        SupplyDecisionPage: {
            items: components["schemas"]["SupplyDecision"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplyDecisionRoutes: {
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            date: string | null;
            /** Format: uuid */
            decisionId: string;
            depots: {
                code: string;
                /** Format: uuid */
                id: string;
                latitude: number | null;
                longitude: number | null;
                name: string;
            }[];
            routes: components["schemas"]["SupplyRoute"][];
            status: string;
            unserved: {
                /** Format: uuid */
                clientId: string | null;
                clientName: string | null;
                detail: string;
                latitude: number | null;
                longitude: number | null;
                /** Format: uuid */
                orderId: string;
                /** @description no_coordinates, invalid_window, over_capacity, no_compatible_vehicle, unreachable, time_window, shift_or_driving_limit, no_vehicles or not_worth_serving */
                reason: string;
                reference: string | null;
            }[];
            zones: {
                /** @enum {string} */
                kind: "forbidden" | "risk";
                name: string;
                polygon: {
                    lat: number;
                    lon: number;
                }[];
            }[];
        };
        /** @description Imported demand history plus the lines of shipped and delivered customer orders on their requested date, summed per bucket; buckets without demand are 0 */
        SupplyDemandSeries: {
            bucket: "day" | "week" | "month";
            /** Format: uuid */
            inventoryId: string;
            points: {
                /** @description A day of the bucket had a promotion */
                promotion: boolean;
                quantity: number;
                /**
                 * Format: date
                 * @description First day of the bucket (weeks start Monday)
                 */
                start: string;
            }[];
            sku: string;
            total: number;
            /** Format: uuid */
            warehouseId: string;
        };
        SupplyDeployment: {
            /** @enum {string} */
            action: "promote" | "rollback";
            /** Format: date-time */
            deployedAt: string;
            /** Format: uuid */
            deployedBy: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            modelId: string;
            modelName: string;
            reason: string | null;
            scope: string;
            /** @enum {string} */
            stage: "production" | "staging";
            version: number;
        };
        SupplyDeploymentPage: {
            items: components["schemas"]["SupplyDeployment"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplyExplainedItem: {
            /** Format: uuid */
            actionId: string | null;
            amount: number | null;
            confidence: {
                [key: string]: unknown;
            };
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            expectedArrival: string;
            factors: {
                kind: string;
                sentence: string;
                weight: number;
            }[];
            /** Format: uuid */
            inventoryId: string;
            notes: string[];
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            orderDate: string;
            policy: {
                [key: string]: unknown;
            };
            quantity: number;
            reason: string;
            risk: {
                [key: string]: unknown;
            };
            sku: string;
            /** Format: uuid */
            warehouseId: string;
        };
        SupplyExplanation: {
            actionCount: number;
            bindingConstraints: {
                [key: string]: unknown;
            }[];
            confidence: {
                sentence: string | null;
                value: number | null;
            };
            constraints: {
                [key: string]: unknown;
            }[];
            /** Format: uuid */
            decisionId: string;
            items: components["schemas"]["SupplyExplainedItem"][];
            modelVersions: {
                [key: string]: unknown;
            }[];
            predictedCost: {
                [key: string]: number;
            };
            routing?: components["schemas"]["SupplyRoutingExplanation"];
            /** @enum {string} */
            status: "pending" | "proposed" | "failed" | "approved" | "rejected" | "executed";
            summary: string;
            type: string;
        };
        SupplyForecastRun: {
            /** @enum {string} */
            bucket: "day" | "week" | "month";
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            errorMessage: string | null;
            horizon: number;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            jobId: string | null;
            level: number;
            model: {
                /** Format: uuid */
                id: string;
                name: string;
                version: number;
            } | null;
            /** @description Which SKU × warehouse series (every one when empty) */
            scope: {
                categories?: string[];
                /** @description SKUs (all when absent) */
                skus?: string[];
                warehouseIds?: string[];
            };
            seriesCount: number;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            summary: {
                [key: string]: unknown;
            };
        };
        SupplyForecastRunPage: {
            items: components["schemas"]["SupplyForecastRun"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplyFrontendDashboard: {
            /** @description The newest open anomalies */
            anomalies: components["schemas"]["SupplyAnomaly"][];
            counts: {
                clients: number;
                /** @description Proposed or approved, waiting for a person */
                decisionsAwaiting: number;
                /** @description Open orders whose requested day has passed */
                lateOrders: number;
                openAnomalies: number;
                openOrders: number;
                stockPoints: number;
                vehicles: number;
                warehouses: number;
            };
            kpis: components["schemas"]["SupplyKpiDashboard"];
            recentDecisions: {
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                /** @description A path: web pages start with /supply, API resources with /api/v1 */
                page: string;
                predictedCost: number | null;
                status: string;
                summary: string | null;
                type: string;
            }[];
        };
        SupplyFrontendDecisionStarted: {
            decision: {
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                jobId: string | null;
                status: string;
                type: string;
            };
            links: {
                /** @description A path: web pages start with /supply, API resources with /api/v1 */
                decision: string;
                /** @description A path: web pages start with /supply, API resources with /api/v1 */
                insights: string;
                /** @description A path: web pages start with /supply, API resources with /api/v1 */
                job: string | null;
                /** @description A path: web pages start with /supply, API resources with /api/v1 */
                page: string;
            };
        };
        SupplyFrontendEntities: {
            clients: {
                total: number;
                withCoordinates: number;
                withTimeWindows: number;
            };
            inventory: {
                skus: number;
                stockOuts: number;
                stockPoints: number;
                value: number;
            };
            orders: {
                byKind: {
                    customer: number;
                    purchase: number;
                    transfer: number;
                };
                byStatus: {
                    allocated: number;
                    confirmed: number;
                    draft: number;
                    shipped: number;
                };
                dueToday: number;
                open: number;
                overdue: number;
            };
            vehicles: {
                byStatus: {
                    available: number;
                    in_service: number;
                    maintenance: number;
                    retired: number;
                };
                total: number;
            };
            warehouses: {
                code: string;
                /** Format: uuid */
                id: string;
                inventoryValue: number;
                name: string;
                openOrders: number;
                stockOuts: number;
                stockPoints: number;
                vehicles: number;
            }[];
        };
        SupplyFrontendInsights: {
            bindingConstraints: {
                detail: string;
                name: string;
            }[];
            checks: {
                failed: number;
                failing: {
                    detail: string;
                    name: string;
                }[];
                passed: number;
                total: number;
            };
            costBreakdown: {
                amount: number;
                component: string;
                share: number;
            }[];
            decision: {
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                decidedAt: string | null;
                /** Format: date-time */
                executedAt: string | null;
                /** Format: uuid */
                id: string;
                status: string;
                summary: string | null;
                type: string;
            };
            figures: {
                detail: string | null;
                label: string;
                unit: string;
                value: number;
            }[];
            headline: string;
            highlights: string[];
            links: {
                /** @description A path: web pages start with /supply, API resources with /api/v1 */
                decision: string;
                /** @description A path: web pages start with /supply, API resources with /api/v1 */
                explanation: string;
                /** @description A path: web pages start with /supply, API resources with /api/v1 */
                page: string;
            };
            /** @description False while the decision is being computed */
            ready: boolean;
        };
        SupplyFrontendSimulationResults: {
            charts: {
                bars: {
                    mean: number;
                    p5: number;
                    p50: number;
                    p95: number;
                    policy: string;
                }[];
                comparisons: {
                    baseline: string;
                    betterShare: number;
                    meanDifference: number;
                    p5: number;
                    p95: number;
                    policy: string;
                    /**
                     * @description Whether the difference's 5–95 % band lies on one side of zero
                     * @enum {string}
                     */
                    verdict: "better" | "worse" | "unclear";
                    worseShare: number;
                }[];
                higherIsBetter: boolean;
                histogram: {
                    /** @description Bin edges: bins + 1 values */
                    edges: number[];
                    series: {
                        counts: number[];
                        policy: string;
                    }[];
                };
                kpi: string;
                label: string;
                unit: string;
            }[];
            policies: {
                key: string;
                label: string;
            }[];
            /** @description False until the simulation has completed */
            ready: boolean;
            simulation: {
                /** Format: date-time */
                createdAt: string;
                errorMessage: string | null;
                /** Format: date-time */
                finishedAt: string | null;
                horizonDays: number | null;
                /** Format: uuid */
                id: string;
                name: string;
                replications: number | null;
                seed: number | null;
                status: string;
                summary: string | null;
            };
        };
        SupplyHypotheticalExplanation: {
            constraints: {
                [key: string]: unknown;
            }[];
            forecast: {
                method: string;
                note: string | null;
                source: string;
            };
            item: components["schemas"]["SupplyExplainedItem"];
            predictedCost: {
                [key: string]: unknown;
            };
        };
        SupplyInventory: {
            category: string | null;
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            /** @description Holding cost per year as a fraction of the unit cost */
            holdingCostRate: number;
            /** Format: uuid */
            id: string;
            /** @description Mean supplier lead time in days */
            leadTimeDays: number;
            /** @description Standard deviation of the lead time in days */
            leadTimeSdDays: number;
            /** @description Orders are multiples of it */
            lotSize: number;
            /** @description Minimum order quantity */
            moq: number;
            /** @description Units in stock */
            onHand: number;
            /** @description Units on open purchase orders */
            onOrder: number;
            /** @description Fixed cost of placing one order */
            orderingCost: number;
            policy: "sQ" | "RS";
            /** @description Units promised to allocated customer orders */
            reserved: number;
            /** @description Review period of the (R, S) policy in days */
            reviewPeriodDays: number;
            serviceKind: "cycle" | "fill_rate";
            /** @description Target service level, strictly between 0 and 1 */
            serviceLevel: number;
            sku: string;
            supplier: string | null;
            /** @description Cost of one unit */
            unitCost: number;
            /** @description Volume of one unit in m³ (an order line takes quantity × this) */
            unitVolumeM3: number;
            /** @description Weight of one unit in kg (an order line weighs quantity × this) */
            unitWeightKg: number;
            /** Format: date-time */
            updatedAt: string;
            /** Format: uuid */
            warehouseId: string;
        };
        SupplyInventoryPage: {
            items: components["schemas"]["SupplyInventory"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplyKpiCard: {
            better: ("higher" | "lower") | null;
            description: string | null;
            kpi: string;
            label: string;
            previous: number | null;
            sparkline: {
                /**
                 * Format: date
                 * @description Calendar day YYYY-MM-DD
                 */
                day: string;
                value: number;
            }[];
            /** @enum {string} */
            status: "met" | "near" | "missed" | "no_data" | "no_target";
            target: number | null;
            /** @enum {string} */
            targetSource: "default" | "tenant" | "none";
            trend: {
                change: number | null;
                changeRatio: number | null;
                /** @enum {string|null} */
                direction: "up" | "down" | "flat" | null;
                improving: boolean | null;
            };
            unit: string | null;
            value: number | null;
        };
        SupplyKpiDashboard: {
            days: number;
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            from: string;
            kpis: components["schemas"]["SupplyKpiCard"][];
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            previousFrom: string;
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            previousTo: string;
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            rolledThrough: string | null;
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            to: string;
            /** Format: uuid */
            warehouseId: string | null;
        };
        SupplyKpiReport: {
            aggregates: {
                count: number;
                last: number | null;
                max: number | null;
                mean: number | null;
                min: number | null;
            };
            better: ("higher" | "lower") | null;
            /** @enum {string} */
            bucket: "day" | "week" | "month";
            description: string | null;
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            from: string;
            kpi: string;
            label: string;
            points: {
                /** @description Measurements in the bucket */
                count: number;
                /**
                 * Format: date
                 * @description Calendar day YYYY-MM-DD
                 */
                end: string;
                /**
                 * Format: date
                 * @description Calendar day YYYY-MM-DD
                 */
                start: string;
                value: number;
            }[];
            previous: {
                /**
                 * Format: date
                 * @description Calendar day YYYY-MM-DD
                 */
                from: string;
                /**
                 * Format: date
                 * @description Calendar day YYYY-MM-DD
                 */
                to: string;
                value: number | null;
            };
            target: {
                /** @enum {string} */
                source: "default" | "tenant" | "none";
                /** @enum {string} */
                status: "met" | "near" | "missed" | "no_data" | "no_target";
                value: number | null;
            };
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            to: string;
            trend: {
                change: number | null;
                changeRatio: number | null;
                /** @enum {string|null} */
                direction: "up" | "down" | "flat" | null;
                improving: boolean | null;
            };
            unit: string | null;
            /** @description The whole range combined */
            value: number | null;
            /** Format: uuid */
            warehouseId: string | null;
        };
        SupplyKpiTargets: {
            items: {
                better: "higher" | "lower";
                default: number;
                kpi: string;
                label: string;
                overridden: boolean;
                target: number;
                unit: string;
            }[];
        };
        SupplyMetric: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            day: string;
            dimensions: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            kpi: string;
            note: string | null;
            source: "rollup" | "external";
            unit: string | null;
            value: number;
            /** Format: uuid */
            warehouseId: string | null;
        };
        SupplyMetricPage: {
            items: components["schemas"]["SupplyMetric"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplyModel: {
            artifact: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            /** Format: uuid */
            id: string;
            kind: string;
            metrics: {
                [key: string]: number;
            };
            name: string;
            note: string | null;
            parameters: {
                [key: string]: unknown;
            };
            stages: ("production" | "staging")[];
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            trainingFrom: string | null;
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            trainingTo: string | null;
            version: number;
        };
        SupplyModelPage: {
            items: components["schemas"]["SupplyModel"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplyOrder: {
            /** Format: uuid */
            clientId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            decisionId: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            deliveredQuantity: number | null;
            /** Format: uuid */
            id: string;
            kind: "customer" | "purchase" | "transfer";
            lines: {
                quantity: number;
                sku: string;
            }[];
            /** @description 1 (highest) … 5 */
            priority: number;
            reference: string | null;
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            requestedDate: string;
            /** @description Vehicle features the delivery needs (e.g. refrigerated) */
            requiredFeatures: string[];
            status: "draft" | "confirmed" | "allocated" | "shipped" | "delivered" | "received" | "cancelled";
            supplier: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** @description Load in m³ for routing (null: the lines × their inventory rows' unit volumes) */
            volumeM3: number | null;
            /** Format: uuid */
            warehouseId: string;
            /** @description Load in kg for routing (null: the lines × their inventory rows' unit weights) */
            weightKg: number | null;
            /** @description Local time HH:MM */
            windowEnd: string | null;
            /** @description Local time HH:MM */
            windowStart: string | null;
        };
        SupplyOrderPage: {
            items: components["schemas"]["SupplyOrder"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplyRoute: {
            capacityKg: number | null;
            capacityM3: number | null;
            /** @description The vehicle broke down: only its executed stops remain */
            closed: boolean;
            co2Kg: number;
            cost: number;
            costComponents: {
                [key: string]: number;
            };
            /** Format: uuid */
            depotId: string | null;
            distanceKm: number;
            drivingMinutes: number;
            durationMinutes: number;
            /** Format: date-time */
            endAt: string;
            /** Format: uuid */
            id: string;
            loadKg: number;
            loadM3: number;
            position: number;
            risk: number;
            shift: {
                /** Format: date-time */
                end: string;
                /** Format: date-time */
                start: string;
            } | null;
            /** Format: date-time */
            startAt: string;
            stops: {
                /** Format: date-time */
                arrival: string;
                /** Format: uuid */
                clientId: string | null;
                clientName: string | null;
                demandKg: number;
                demandM3: number;
                /** Format: date-time */
                departure: string;
                /** @description Kept from the previous plan by a re-optimisation */
                fixed: boolean;
                latitude: number | null;
                /** @description Distance of the arc into this stop */
                legDistanceKm: number;
                loadAfterKg: number;
                loadAfterM3: number;
                longitude: number | null;
                /** Format: uuid */
                orderId: string;
                reference: string | null;
                sequence: number;
                /** @description Minutes between service start and the window end */
                slackMinutes: number | null;
                /** Format: date-time */
                start: string;
                waitMinutes: number;
                /** @description The window service starts in (-1: none) */
                windowIndex: number;
                /** @description The delivery windows of the stop (empty: any time) */
                windows: {
                    /** Format: date-time */
                    end: string;
                    /** Format: date-time */
                    start: string;
                }[];
            }[];
            /** @description Share of the binding capacity used, 0 … 1 */
            utilisation: number;
            vehicleCode: string;
            /** Format: uuid */
            vehicleId: string | null;
            vehicleType: string | null;
        };
        SupplyRoutingExplanation: {
            /** @description Per served order, the saving if it were removed, largest first */
            marginalCosts: {
                marginalCost: number;
                /** Format: uuid */
                orderId: string;
                reference: string | null;
                vehicleCode: string;
            }[];
            objective: {
                [key: string]: unknown;
            };
            order?: components["schemas"]["SupplyRoutingOrderExplanation"];
            routes: {
                components: {
                    [key: string]: number;
                };
                cost: number;
                /** Format: uuid */
                routeId: string;
                sentences: string[];
                vehicleCode: string;
            }[];
            unserved: {
                /** Format: uuid */
                clientId: string | null;
                clientName: string | null;
                detail: string;
                latitude: number | null;
                longitude: number | null;
                /** Format: uuid */
                orderId: string;
                /** @description no_coordinates, invalid_window, over_capacity, no_compatible_vehicle, unreachable, time_window, shift_or_driving_limit, no_vehicles or not_worth_serving */
                reason: string;
                reference: string | null;
            }[];
        };
        SupplyRoutingHypothetical: {
            /** Format: uuid */
            decisionId: string;
            order: components["schemas"]["SupplyRoutingOrderExplanation"];
        };
        SupplyRoutingOrderExplanation: {
            alternatives: {
                /** @description When not feasible, the hard constraints that forbid it: capacity, time_window, shift, driving_limit, compatibility (a missing feature), forbidden_arc, forbidden_zone, fixed_stops; depot: the vehicle is based at another warehouse */
                constraints: string[];
                /** @description Added to that vehicle's route cost at the best position */
                extraCost: number | null;
                feasible: boolean;
                position: number | null;
                sentence: string;
                vehicleCode: string;
                vehicleId: string;
            }[];
            bestAlternative: {
                /** @description When not feasible, the hard constraints that forbid it: capacity, time_window, shift, driving_limit, compatibility (a missing feature), forbidden_arc, forbidden_zone, fixed_stops; depot: the vehicle is based at another warehouse */
                constraints: string[];
                /** @description Added to that vehicle's route cost at the best position */
                extraCost: number | null;
                feasible: boolean;
                position: number | null;
                sentence: string;
                vehicleCode: string;
                vehicleId: string;
            } | null;
            clientName: string | null;
            /** @description Saved if the order were taken off its route */
            marginalCost: number | null;
            /** Format: uuid */
            orderId: string;
            reference: string | null;
            sentences: string[];
            sequence: number | null;
            served: boolean;
            unservedReason: string | null;
            vehicleCode: string | null;
            vehicleId: string | null;
        };
        SupplyScenarioSet: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            horizonDays: number;
            /** Format: uuid */
            id: string;
            name: string;
            note: string;
            previews: {
                breakdowns: {
                    /** @description Day of the horizon, from 0 */
                    day: number;
                    repairDays: number;
                    vehicle: string;
                    warehouse: string;
                }[];
                delays: {
                    /** @description Day of the horizon, from 0 */
                    day: number;
                    factor: number;
                    warehouse: string;
                }[];
                replication: number;
                shocks: {
                    /** @description Day of the horizon, from 0 */
                    day: number;
                    durationDays: number;
                    multiplier: number;
                    target: string;
                }[];
                truncated: boolean;
            }[];
            scenario: {
                [key: string]: unknown;
            };
            seed: number;
        };
        SupplyScenarioSetPage: {
            items: components["schemas"]["SupplyScenarioSet"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplySeriesForecast: {
            backtest: {
                [key: string]: unknown;
            }[];
            /** Format: date-time */
            createdAt: string;
            demandClass: string;
            historyLength: number;
            id: number;
            /** Format: uuid */
            inventoryId: string | null;
            lower: number[];
            mase: number | null;
            mean: number[];
            method: string;
            note: string | null;
            params: {
                [key: string]: number | string;
            };
            /** Format: uuid */
            runId: string;
            sigma: number;
            sku: string;
            smape: number | null;
            /**
             * Format: date
             * @description Calendar day YYYY-MM-DD
             */
            startDate: string;
            upper: number[];
            /** Format: uuid */
            warehouseId: string;
        };
        SupplySeriesForecastPage: {
            items: components["schemas"]["SupplySeriesForecast"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplySimulation: {
            config: {
                horizonDays: number;
                policies: {
                    [key: string]: unknown;
                }[];
                replications: number;
                scenario: {
                    [key: string]: unknown;
                };
                scope: {
                    [key: string]: unknown;
                };
                seed: number;
                shortageCostRate: number;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            errorMessage: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            jobId: string | null;
            name: string;
            results?: {
                horizonDays: number;
                items: number;
                kpis: components["schemas"]["SupplySimulationKpi"][];
                notes: string[];
                policies: components["schemas"]["SupplySimulationPolicy"][];
                replications: number;
                /** @description Wall-clock time of the replications (not part of the results proper) */
                seconds: number;
                warehouses: string[];
            } | null;
            /** Format: uuid */
            scenarioSetId: string | null;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            summary: string | null;
        };
        SupplySimulationKpi: {
            differences: {
                baseline: string;
                betterShare: number;
                mean: number;
                p5: number;
                p50: number;
                p95: number;
                policy: string;
                worseShare: number;
            }[];
            higherIsBetter: boolean;
            histogram: {
                bins: number;
                from: number;
                width: number;
            };
            /** @enum {string} */
            kpi: "fill_rate" | "otif" | "stockouts" | "cost_per_order" | "inventory_turns" | "co2_kg" | "vehicle_utilisation" | "total_cost" | "holding_cost" | "ordering_cost" | "transport_cost" | "shortage_cost";
            policies: {
                histogram: number[];
                max: number;
                mean: number;
                min: number;
                p5: number;
                p50: number;
                p95: number;
                policy: string;
                sd: number;
            }[];
            unit: string;
        };
        SupplySimulationPage: {
            items: components["schemas"]["SupplySimulation"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplySimulationPolicy: {
            continuousItems: number;
            key: string;
            label: string;
            meanServiceLevel: number;
            periodicItems: number;
            safetyStockUnits: number;
            safetyStockValue: number;
            spec: {
                [key: string]: unknown;
            };
        };
        SupplyVehicle: {
            /** @description Load capacity in kg */
            capacityKg: number;
            /** @description Load capacity in m³ */
            capacityM3: number;
            /** @description kg of CO2 per km */
            co2PerKm: number;
            code: string;
            /** @description Cost per hour on the road */
            costPerHour: number;
            /** @description Cost per km driven */
            costPerKm: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            depotId: string | null;
            /** @description E.g. refrigerated, tail-lift */
            features: string[];
            /** Format: uuid */
            id: string;
            maxDrivingHours: number;
            /** @description Local time HH:MM */
            shiftEnd: string;
            /** @description Local time HH:MM */
            shiftStart: string;
            status: "available" | "in_service" | "maintenance" | "retired";
            type: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SupplyVehicleAssignment: {
            /** Format: date-time */
            actualEnd: string | null;
            /** Format: date-time */
            actualStart: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orderId: string;
            /** Format: date-time */
            plannedEnd: string | null;
            /** Format: date-time */
            plannedStart: string | null;
            /** @description Stop number on the route */
            sequence: number;
            status: "planned" | "in_progress" | "completed" | "cancelled";
            /** Format: date-time */
            updatedAt: string;
            /** Format: uuid */
            vehicleId: string;
        };
        SupplyVehicleAssignmentPage: {
            items: components["schemas"]["SupplyVehicleAssignment"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplyVehiclePage: {
            items: components["schemas"]["SupplyVehicle"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        SupplyWarehouse: {
            address: string | null;
            /** @description Storage capacity in units (null: unlimited) */
            capacity: number | null;
            code: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            latitude: number | null;
            longitude: number | null;
            name: string;
            /** @description Opening windows of a day */
            operatingHours: {
                /** @description Local time HH:MM */
                end: string;
                /** @description Local time HH:MM */
                start: string;
            }[];
            /** Format: date-time */
            updatedAt: string;
        };
        SupplyWarehousePage: {
            items: components["schemas"]["SupplyWarehouse"][];
            limit: number;
            offset: number;
            /** @description Items matching the filters, across all pages */
            total: number;
        };
        TelemetrySettings: {
            autoCreateSensors: boolean;
            /** Format: uuid */
            defaultFacilityId: string | null;
            /** @description Topics: plantintel/<mqttTopicKey>/<facility code>/<sensor key> */
            mqttTopicKey: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAnalyzerConfig: {
        parameters: {
            query?: {
                customerId?: string;
                facilityId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyzerConfig"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    putAnalyzerConfig: {
        parameters: {
            query?: {
                customerId?: string;
                facilityId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    config?: components["schemas"]["AnalyzerConfigValues"];
                    presetType: "conservative" | "balanced" | "aggressive" | "custom";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyzerConfig"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAnalyzerConfigHistory: {
        parameters: {
            query?: {
                customerId?: string;
                facilityId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigHistoryEntry"][];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                plan?: "pilot" | "subscription";
                /** @description Matches name, email or contact */
                search?: string;
                status?: "trial" | "active" | "inactive";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    contactName?: string | null;
                    /** Format: email */
                    email: string;
                    name: string;
                    notes?: string | null;
                    phone?: string | null;
                    plan?: "pilot" | "subscription";
                    /**
                     * Format: date
                     * @description Calendar day YYYY-MM-DD
                     */
                    startDate?: string;
                    status?: "trial" | "active" | "inactive";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerDetail"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    contactName?: string | null;
                    /** Format: email */
                    email?: string;
                    name?: string;
                    notes?: string | null;
                    phone?: string | null;
                    plan?: "pilot" | "subscription";
                    /**
                     * Format: date
                     * @description Calendar day YYYY-MM-DD
                     */
                    startDate?: string;
                    status?: "trial" | "active" | "inactive";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deactivateCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listCustomerFacilities: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityList"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createCustomerFacility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    name: string;
                    /** @description IANA time zone, e.g. Europe/Berlin */
                    timezone?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Facility"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateCustomerFacility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                facilityId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    name?: string;
                    /** @description IANA time zone, e.g. Europe/Berlin */
                    timezone?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Facility"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    addCustomerUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    password?: string;
                    role?: "admin" | "analyst" | "operator" | "viewer";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberCreated"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAiAnalytics: {
        parameters: {
            query?: {
                /** @description Days back, today included */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiAnalytics"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAiPlatformAnalytics: {
        parameters: {
            query?: {
                /** @description Days back, today included */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiPlatformAnalytics"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteAiCacheEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAiCacheStats: {
        parameters: {
            query?: {
                /** @description Window of the request counts, in hours */
                hours?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hours: number;
                        outcomes: {
                            costSavedUsd: number;
                            exact: number;
                            /** @description Hits / cached lookups (null without lookups) */
                            hitRate: number | null;
                            miss: number;
                            off: number;
                            requests: number;
                            semantic: number;
                            tokensSaved: number;
                        };
                        pipelines: {
                            outcomes: {
                                costSavedUsd: number;
                                exact: number;
                                /** @description Hits / cached lookups (null without lookups) */
                                hitRate: number | null;
                                miss: number;
                                off: number;
                                requests: number;
                                semantic: number;
                                tokensSaved: number;
                            };
                            /** Format: uuid */
                            pipelineId: string;
                            totals: {
                                /** @description Rows, expired ones included until the maintenance task removes them */
                                entries: number;
                                /** @description Hits counted on the entries (written every few seconds) */
                                hits: number;
                                live: number;
                                tokensCached: number;
                            };
                        }[];
                        totals: {
                            /** @description Rows, expired ones included until the maintenance task removes them */
                            entries: number;
                            /** @description Hits counted on the entries (written every few seconds) */
                            hits: number;
                            live: number;
                            tokensCached: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAiDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiDashboard"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAiSectorDashboard: {
        parameters: {
            query?: {
                /** @description Days back, today included */
                days?: number;
            };
            header?: never;
            path: {
                /** @description A sector of the tenant (any case) */
                sector: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiSectorDashboard"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAiPipelines: {
        parameters: {
            query?: {
                /** @description Archived pipelines are left out unless asked for (or status=archived) */
                includeArchived?: boolean;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Industry vertical, e.g. automotive, food-beverage, pharma (stored in lower case) */
                sector?: string;
                status?: "draft" | "active" | "paused" | "archived";
                workspaceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiPipelinePage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createAiPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    connections: {
                        from: string;
                        to: string;
                    }[];
                    description?: string;
                    /** @description Labels for lists and filters; derived from the graph when not given */
                    features?: string[];
                    name: string;
                    nodes: {
                        /** @description The node's settings; which apply depends on its type */
                        config: {
                            /** @description model */
                            dailyCostBudgetUsd?: number;
                            /** @description model */
                            dailyTokenBudget?: number;
                            /**
                             * Format: uuid
                             * @description retrieve: the analysis or sensor (absent: latest / all)
                             */
                            entityId?: string;
                            /** @description model, tried in order */
                            fallbacks?: {
                                model: string;
                                /** @enum {string} */
                                provider: "default" | "offline" | "openai" | "anthropic";
                            }[];
                            /** @description postprocess */
                            groundNumbers?: boolean;
                            /** @description retrieve: look-back */
                            hours?: number;
                            /** @description postprocess: the JSON schema the answer must match (at most 8,000 characters) */
                            jsonSchema?: {
                                [key: string]: unknown;
                            };
                            /** @description retrieve */
                            maxChars?: number;
                            /** @description guard */
                            maxInputTokens?: number;
                            /** @description model */
                            maxTokens?: number;
                            /**
                             * @description cache
                             * @enum {string}
                             */
                            mode?: "exact" | "semantic";
                            /** @description model */
                            model?: string;
                            /**
                             * @description model
                             * @enum {string}
                             */
                            provider?: "default" | "offline" | "openai" | "anthropic";
                            /** @description guard */
                            redactPii?: boolean;
                            /** @description guard */
                            refuseTopics?: string[];
                            /** @description model */
                            retries?: number;
                            /** @description model */
                            retryOn?: ("timeout" | "rate_limit" | "server_error" | "network")[];
                            /**
                             * @description retrieve
                             * @enum {string}
                             */
                            source?: "analysis" | "alarms" | "sensors";
                            /** @description model */
                            temperature?: number;
                            /** @description semantic cache */
                            threshold?: number;
                            /** @description model */
                            timeoutMs?: number;
                            /** @description cache */
                            ttlSeconds?: number;
                        };
                        id: string;
                        label?: string;
                        position?: {
                            x: number;
                            y: number;
                        };
                        /** @description One of input, retrieve, cache, guard, model, postprocess, output */
                        type: string;
                    }[];
                    /** @description How long stored prompts are kept (default 30) */
                    retentionDays?: number;
                    /** @description Default: the workspace's sector */
                    sector?: string;
                    /** @description The gateway model name is `pipeline/<slug>`; unique in the organisation */
                    slug?: string;
                    /** @description Keep prompt and response text (after redaction) with each request row */
                    storePrompts?: boolean;
                    /** Format: uuid */
                    workspaceId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiPipeline"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAiPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiPipeline"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    replaceAiPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    connections: {
                        from: string;
                        to: string;
                    }[];
                    description?: string;
                    /** @description Labels for lists and filters; derived from the graph when not given */
                    features?: string[];
                    name: string;
                    nodes: {
                        /** @description The node's settings; which apply depends on its type */
                        config: {
                            /** @description model */
                            dailyCostBudgetUsd?: number;
                            /** @description model */
                            dailyTokenBudget?: number;
                            /**
                             * Format: uuid
                             * @description retrieve: the analysis or sensor (absent: latest / all)
                             */
                            entityId?: string;
                            /** @description model, tried in order */
                            fallbacks?: {
                                model: string;
                                /** @enum {string} */
                                provider: "default" | "offline" | "openai" | "anthropic";
                            }[];
                            /** @description postprocess */
                            groundNumbers?: boolean;
                            /** @description retrieve: look-back */
                            hours?: number;
                            /** @description postprocess: the JSON schema the answer must match (at most 8,000 characters) */
                            jsonSchema?: {
                                [key: string]: unknown;
                            };
                            /** @description retrieve */
                            maxChars?: number;
                            /** @description guard */
                            maxInputTokens?: number;
                            /** @description model */
                            maxTokens?: number;
                            /**
                             * @description cache
                             * @enum {string}
                             */
                            mode?: "exact" | "semantic";
                            /** @description model */
                            model?: string;
                            /**
                             * @description model
                             * @enum {string}
                             */
                            provider?: "default" | "offline" | "openai" | "anthropic";
                            /** @description guard */
                            redactPii?: boolean;
                            /** @description guard */
                            refuseTopics?: string[];
                            /** @description model */
                            retries?: number;
                            /** @description model */
                            retryOn?: ("timeout" | "rate_limit" | "server_error" | "network")[];
                            /**
                             * @description retrieve
                             * @enum {string}
                             */
                            source?: "analysis" | "alarms" | "sensors";
                            /** @description model */
                            temperature?: number;
                            /** @description semantic cache */
                            threshold?: number;
                            /** @description model */
                            timeoutMs?: number;
                            /** @description cache */
                            ttlSeconds?: number;
                        };
                        id: string;
                        label?: string;
                        position?: {
                            x: number;
                            y: number;
                        };
                        /** @description One of input, retrieve, cache, guard, model, postprocess, output */
                        type: string;
                    }[];
                    /** @description How long stored prompts are kept (default 30) */
                    retentionDays?: number;
                    /** @description Default: the workspace's sector */
                    sector?: string;
                    /** @description Keep prompt and response text (after redaction) with each request row */
                    storePrompts?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiPipeline"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    archiveAiPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiPipeline"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateAiPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    connections?: {
                        from: string;
                        to: string;
                    }[];
                    description?: string;
                    /** @description Labels for lists and filters; derived from the graph when not given */
                    features?: string[];
                    name?: string;
                    nodes?: {
                        /** @description The node's settings; which apply depends on its type */
                        config: {
                            /** @description model */
                            dailyCostBudgetUsd?: number;
                            /** @description model */
                            dailyTokenBudget?: number;
                            /**
                             * Format: uuid
                             * @description retrieve: the analysis or sensor (absent: latest / all)
                             */
                            entityId?: string;
                            /** @description model, tried in order */
                            fallbacks?: {
                                model: string;
                                /** @enum {string} */
                                provider: "default" | "offline" | "openai" | "anthropic";
                            }[];
                            /** @description postprocess */
                            groundNumbers?: boolean;
                            /** @description retrieve: look-back */
                            hours?: number;
                            /** @description postprocess: the JSON schema the answer must match (at most 8,000 characters) */
                            jsonSchema?: {
                                [key: string]: unknown;
                            };
                            /** @description retrieve */
                            maxChars?: number;
                            /** @description guard */
                            maxInputTokens?: number;
                            /** @description model */
                            maxTokens?: number;
                            /**
                             * @description cache
                             * @enum {string}
                             */
                            mode?: "exact" | "semantic";
                            /** @description model */
                            model?: string;
                            /**
                             * @description model
                             * @enum {string}
                             */
                            provider?: "default" | "offline" | "openai" | "anthropic";
                            /** @description guard */
                            redactPii?: boolean;
                            /** @description guard */
                            refuseTopics?: string[];
                            /** @description model */
                            retries?: number;
                            /** @description model */
                            retryOn?: ("timeout" | "rate_limit" | "server_error" | "network")[];
                            /**
                             * @description retrieve
                             * @enum {string}
                             */
                            source?: "analysis" | "alarms" | "sensors";
                            /** @description model */
                            temperature?: number;
                            /** @description semantic cache */
                            threshold?: number;
                            /** @description model */
                            timeoutMs?: number;
                            /** @description cache */
                            ttlSeconds?: number;
                        };
                        id: string;
                        label?: string;
                        position?: {
                            x: number;
                            y: number;
                        };
                        /** @description One of input, retrieve, cache, guard, model, postprocess, output */
                        type: string;
                    }[];
                    retentionDays?: number;
                    /** @description Industry vertical, e.g. automotive, food-beverage, pharma (stored in lower case) */
                    sector?: string;
                    storePrompts?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiPipeline"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAiPipelineCache: {
        parameters: {
            query?: {
                /** @description Window of the request counts, in hours */
                hours?: number;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            items: {
                                /** @description The first 200 characters of the answer */
                                answerPreview: string;
                                costUsd: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                hits: number;
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                lastHitAt: string | null;
                                model: string | null;
                                queryText: string;
                                tokensIn: number;
                                tokensOut: number;
                            }[];
                            limit: number;
                            offset: number;
                            total: number;
                        };
                        hours: number;
                        outcomes: {
                            costSavedUsd: number;
                            exact: number;
                            /** @description Hits / cached lookups (null without lookups) */
                            hitRate: number | null;
                            miss: number;
                            off: number;
                            requests: number;
                            semantic: number;
                            tokensSaved: number;
                        };
                        /** Format: uuid */
                        pipelineId: string;
                        totals: {
                            /** @description Rows, expired ones included until the maintenance task removes them */
                            entries: number;
                            /** @description Hits counted on the entries (written every few seconds) */
                            hits: number;
                            live: number;
                            tokensCached: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    clearAiPipelineCache: {
        parameters: {
            query?: {
                olderThanHours?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        removed: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deployAiPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiPipeline"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAiPipelineMetrics: {
        parameters: {
            query?: {
                /** @description `minute`: the last 60 minutes, one bucket each (for the live chart); `hours` is ignored */
                bucket?: "hour" | "minute";
                /** @description Hourly buckets, the last one the current (partial) hour */
                hours?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiMetricsSeries"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    pauseAiPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiPipeline"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAiPipelineRequests: {
        parameters: {
            query?: {
                /** @description `hit`: exact or semantic */
                cache?: "hit" | "off" | "miss" | "exact" | "semantic";
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: "ok" | "error" | "refused" | "budget" | "cancelled";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiRequestPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAiPipelineVersions: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiPipelineVersionPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    generateAiPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    cost: "low" | "balanced" | "quality";
                    dataSources: ("analysis" | "alarms" | "sensors")[];
                    /** @enum {string} */
                    latency: "low" | "balanced" | "quality";
                    name?: string;
                    /**
                     * @description Also create it (as a draft)
                     * @default false
                     */
                    save?: boolean;
                    /** @description Industry vertical, e.g. automotive, food-beverage, pharma (stored in lower case) */
                    sector: string;
                    /** @description The gateway model name is `pipeline/<slug>`; unique in the organisation */
                    slug?: string;
                    useCase: string;
                    /**
                     * Format: uuid
                     * @description Where to save it (required with save)
                     */
                    workspaceId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiGeneratedPipeline"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    validateAiPipelineGraph: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    connections: {
                        from: string;
                        to: string;
                    }[];
                    nodes: {
                        /** @description The node's settings; which apply depends on its type */
                        config: {
                            /** @description model */
                            dailyCostBudgetUsd?: number;
                            /** @description model */
                            dailyTokenBudget?: number;
                            /**
                             * Format: uuid
                             * @description retrieve: the analysis or sensor (absent: latest / all)
                             */
                            entityId?: string;
                            /** @description model, tried in order */
                            fallbacks?: {
                                model: string;
                                /** @enum {string} */
                                provider: "default" | "offline" | "openai" | "anthropic";
                            }[];
                            /** @description postprocess */
                            groundNumbers?: boolean;
                            /** @description retrieve: look-back */
                            hours?: number;
                            /** @description postprocess: the JSON schema the answer must match (at most 8,000 characters) */
                            jsonSchema?: {
                                [key: string]: unknown;
                            };
                            /** @description retrieve */
                            maxChars?: number;
                            /** @description guard */
                            maxInputTokens?: number;
                            /** @description model */
                            maxTokens?: number;
                            /**
                             * @description cache
                             * @enum {string}
                             */
                            mode?: "exact" | "semantic";
                            /** @description model */
                            model?: string;
                            /**
                             * @description model
                             * @enum {string}
                             */
                            provider?: "default" | "offline" | "openai" | "anthropic";
                            /** @description guard */
                            redactPii?: boolean;
                            /** @description guard */
                            refuseTopics?: string[];
                            /** @description model */
                            retries?: number;
                            /** @description model */
                            retryOn?: ("timeout" | "rate_limit" | "server_error" | "network")[];
                            /**
                             * @description retrieve
                             * @enum {string}
                             */
                            source?: "analysis" | "alarms" | "sensors";
                            /** @description model */
                            temperature?: number;
                            /** @description semantic cache */
                            threshold?: number;
                            /** @description model */
                            timeoutMs?: number;
                            /** @description cache */
                            ttlSeconds?: number;
                        };
                        id: string;
                        label?: string;
                        position?: {
                            x: number;
                            y: number;
                        };
                        /** @description One of input, retrieve, cache, guard, model, postprocess, output */
                        type: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiGraphCheck"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAiQueryMap: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiQueryMap"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    refreshAiQueryMap: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiQueryMapRefresh"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createChatCompletion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description An OpenAI Chat Completions request; `model` is `pipeline/<slug>` */
        requestBody: {
            content: {
                "application/json": {
                    frequency_penalty?: number | null;
                    logit_bias?: {
                        [key: string]: number;
                    } | null;
                    logprobs?: boolean | null;
                    max_completion_tokens?: number | null;
                    max_tokens?: number | null;
                    messages: {
                        audio?: {
                            [key: string]: unknown;
                        } | null;
                        content?: ({
                            file?: {
                                [key: string]: unknown;
                            };
                            image_url?: {
                                [key: string]: unknown;
                            };
                            input_audio?: {
                                [key: string]: unknown;
                            };
                            refusal?: string;
                            text?: string;
                            /** @enum {string} */
                            type: "text" | "refusal" | "image_url" | "input_audio" | "file";
                        }[] | string) | null;
                        function_call?: {
                            [key: string]: unknown;
                        } | null;
                        name?: string;
                        refusal?: string | null;
                        /** @enum {string} */
                        role: "system" | "developer" | "user" | "assistant" | "tool" | "function";
                        tool_call_id?: string;
                        tool_calls?: {
                            function: {
                                arguments: string;
                                name: string;
                            };
                            id: string;
                            /** @enum {string} */
                            type: "function";
                        }[];
                    }[];
                    metadata?: {
                        [key: string]: string;
                    } | null;
                    modalities?: ("text" | "audio")[] | null;
                    model: string;
                    n?: number | null;
                    parallel_tool_calls?: boolean | null;
                    presence_penalty?: number | null;
                    /** @enum {string|null} */
                    reasoning_effort?: "minimal" | "low" | "medium" | "high" | null;
                    response_format?: {
                        json_schema?: {
                            [key: string]: unknown;
                        };
                        /** @enum {string} */
                        type: "text" | "json_object" | "json_schema";
                    };
                    safety_identifier?: string;
                    seed?: number | null;
                    /** @enum {string|null} */
                    service_tier?: "auto" | "default" | "flex" | "scale" | "priority" | null;
                    stop?: (string[] | string) | null;
                    store?: boolean | null;
                    stream?: boolean | null;
                    stream_options?: {
                        include_obfuscation?: boolean;
                        include_usage?: boolean;
                    } | null;
                    temperature?: number | null;
                    tool_choice?: ("none" | "auto" | "required") | {
                        function: {
                            name: string;
                        };
                        /** @enum {string} */
                        type: "function";
                    };
                    tools?: {
                        function: {
                            description?: string;
                            name: string;
                            parameters?: {
                                [key: string]: unknown;
                            };
                            strict?: boolean | null;
                        };
                        /** @enum {string} */
                        type: "function";
                    }[];
                    top_logprobs?: number | null;
                    top_p?: number | null;
                    user?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        choices: {
                            finish_reason: string;
                            index: number;
                            logprobs: null;
                            message: {
                                content: string | null;
                                refusal: null;
                                /** @enum {string} */
                                role: "assistant";
                                tool_calls?: {
                                    function: {
                                        arguments: string;
                                        name: string;
                                    };
                                    id: string;
                                    /** @enum {string} */
                                    type: "function";
                                }[];
                            };
                        }[];
                        created: number;
                        id: string;
                        model: string;
                        /** @enum {string} */
                        object: "chat.completion";
                        plantintel: {
                            /** @description off, miss, exact or semantic */
                            cache: string;
                            /** @description The model that answered (or whose answer the cache replayed) */
                            model: string;
                            provider: string;
                            /** @description Post-process findings (ungrounded numbers, schema) */
                            warnings: string[];
                        };
                        system_fingerprint: null;
                        usage: {
                            completion_tokens: number;
                            prompt_tokens: number;
                            total_tokens: number;
                        };
                    };
                };
            };
            /** @description An error in OpenAI’s shape (`code` carries PlantIntel’s error code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    };
                };
            };
            /** @description An error in OpenAI’s shape (`code` carries PlantIntel’s error code) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    };
                };
            };
            /** @description An error in OpenAI’s shape (`code` carries PlantIntel’s error code) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    };
                };
            };
            /** @description An error in OpenAI’s shape (`code` carries PlantIntel’s error code) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    };
                };
            };
            /** @description An error in OpenAI’s shape (`code` carries PlantIntel’s error code) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    };
                };
            };
            /** @description An error in OpenAI’s shape (`code` carries PlantIntel’s error code) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    };
                };
            };
            /** @description An error in OpenAI’s shape (`code` carries PlantIntel’s error code) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    };
                };
            };
            /** @description An error in OpenAI’s shape (`code` carries PlantIntel’s error code) */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    };
                };
            };
            /** @description An error in OpenAI’s shape (`code` carries PlantIntel’s error code) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    };
                };
            };
            /** @description An error in OpenAI’s shape (`code` carries PlantIntel’s error code) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    };
                };
            };
        };
    };
    createMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description An Anthropic Messages request; `model` is `pipeline/<slug>` */
        requestBody: {
            content: {
                "application/json": {
                    max_tokens: number;
                    messages: {
                        content: {
                            cache_control?: {
                                [key: string]: unknown;
                            } | null;
                            citations?: {
                                [key: string]: unknown;
                            }[] | null;
                            content?: {
                                cache_control?: {
                                    [key: string]: unknown;
                                } | null;
                                citations?: {
                                    [key: string]: unknown;
                                }[] | null;
                                source?: {
                                    [key: string]: unknown;
                                };
                                text?: string;
                                title?: string | null;
                                /** @enum {string} */
                                type: "text" | "image" | "document" | "search_result";
                            }[] | string;
                            context?: string | null;
                            data?: string;
                            id?: string;
                            input?: {
                                [key: string]: unknown;
                            };
                            is_error?: boolean;
                            name?: string;
                            signature?: string;
                            source?: {
                                [key: string]: unknown;
                            };
                            text?: string;
                            thinking?: string;
                            title?: string | null;
                            tool_use_id?: string;
                            /** @enum {string} */
                            type: "text" | "image" | "document" | "tool_use" | "tool_result" | "thinking" | "redacted_thinking" | "search_result";
                        }[] | string;
                        /** @enum {string} */
                        role: "user" | "assistant";
                    }[];
                    metadata?: {
                        user_id?: string | null;
                    };
                    model: string;
                    /** @enum {string} */
                    service_tier?: "auto" | "standard_only";
                    stop_sequences?: string[];
                    stream?: boolean;
                    system?: {
                        cache_control?: {
                            [key: string]: unknown;
                        } | null;
                        citations?: {
                            [key: string]: unknown;
                        }[] | null;
                        text: string;
                        /** @enum {string} */
                        type: "text";
                    }[] | string;
                    temperature?: number;
                    tool_choice?: {
                        disable_parallel_tool_use?: boolean;
                        name?: string;
                        /** @enum {string} */
                        type: "auto" | "any" | "tool" | "none";
                    };
                    tools?: {
                        cache_control?: {
                            [key: string]: unknown;
                        } | null;
                        description?: string;
                        input_schema: {
                            [key: string]: unknown;
                        };
                        name: string;
                        strict?: boolean;
                        /** @enum {string|null} */
                        type?: "custom" | null;
                    }[];
                    top_k?: number;
                    top_p?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        content: {
                            id?: string;
                            input?: {
                                [key: string]: unknown;
                            };
                            name?: string;
                            text?: string;
                            /** @description text or tool_use */
                            type: string;
                        }[];
                        id: string;
                        model: string;
                        plantintel: {
                            /** @description off, miss, exact or semantic */
                            cache: string;
                            /** @description The model that answered (or whose answer the cache replayed) */
                            model: string;
                            provider: string;
                            /** @description Post-process findings (ungrounded numbers, schema) */
                            warnings: string[];
                        };
                        /** @enum {string} */
                        role: "assistant";
                        stop_reason: string;
                        stop_sequence: null;
                        /** @enum {string} */
                        type: "message";
                        usage: {
                            cache_creation_input_tokens: number;
                            cache_read_input_tokens: number;
                            input_tokens: number;
                            output_tokens: number;
                        };
                    };
                };
            };
            /** @description An error in Anthropic’s shape */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description An error in Anthropic’s shape */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description An error in Anthropic’s shape */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description An error in Anthropic’s shape */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description An error in Anthropic’s shape */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description An error in Anthropic’s shape */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description An error in Anthropic’s shape */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description An error in Anthropic’s shape */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description An error in Anthropic’s shape */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description An error in Anthropic’s shape */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
        };
    };
    listGatewayModels: {
        parameters: {
            query?: {
                after_id?: string;
                before_id?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Seconds since the epoch (OpenAI) */
                            created: number;
                            /** @description RFC 3339 (Anthropic) */
                            created_at: string;
                            display_name: string;
                            /** @description pipeline/<slug>: the `model` of a request */
                            id: string;
                            /** @enum {string} */
                            object: "model";
                            /** @description The workspace of the pipeline */
                            owned_by: string;
                            plantintel: {
                                pipelineId: string;
                                sector: string;
                                status: string;
                                version: number;
                                workspaceId: string;
                            };
                            /** @enum {string} */
                            type: "model";
                        }[];
                        first_id: string | null;
                        has_more: boolean;
                        last_id: string | null;
                        /** @enum {string} */
                        object: "list";
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    } | {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    } | {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    } | {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    } | {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    } | {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    } | {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    } | {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    } | {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    } | {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string | null;
                            message: string;
                            param: string | null;
                            requestId: string;
                            type: string;
                        };
                    } | {
                        error: {
                            /** @description PlantIntel’s error code */
                            code: string;
                            message: string;
                            requestId: string;
                            type: string;
                        };
                        request_id: string;
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
        };
    };
    listAiWorkspaces: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Industry vertical, e.g. automotive, food-beverage, pharma (stored in lower case) */
                sector?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiWorkspacePage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createAiWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    /** @description Monthly */
                    monthlyBudgetTokens?: number | null;
                    /** @description Monthly, over all its pipelines */
                    monthlyBudgetUsd?: number | null;
                    name: string;
                    /** @description Industry vertical, e.g. automotive, food-beverage, pharma (stored in lower case) */
                    sector: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiWorkspace"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAiWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiWorkspace"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteAiWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateAiWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    /** @description Monthly */
                    monthlyBudgetTokens?: number | null;
                    /** @description Monthly, over all its pipelines */
                    monthlyBudgetUsd?: number | null;
                    name?: string;
                    /** @description Industry vertical, e.g. automotive, food-beverage, pharma (stored in lower case) */
                    sector?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiWorkspace"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAiWorkspaceKeys: {
        parameters: {
            query?: {
                includeRevoked?: boolean;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiWorkspaceKeyPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createAiWorkspaceKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    expiresAt?: string;
                    name: string;
                    /** @description Default: read (enough for the gateway) */
                    scopes?: ("read" | "operate" | "analyze" | "admin")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiWorkspaceKeyCreated"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revokeAiWorkspaceKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAiWorkspaceSummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiWorkspaceSummaryList"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAnalyses: {
        parameters: {
            query?: {
                facilityId?: string;
                importId?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Search the name */
                q?: string;
                status?: "processing" | "completed" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    startAnalysis: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    config?: components["schemas"]["AnalyzerConfigValues"];
                    /** Format: uuid */
                    importId: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisSummary"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAnalysis: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisDetail"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteAnalysis: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    chatAboutAnalysis: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The question */
                    message: string;
                };
            };
        };
        responses: {
            /** @description text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    exportAnalysis: {
        parameters: {
            query?: {
                format?: "json" | "csv" | "xlsx" | "pdf";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        analysis: components["schemas"]["AnalysisSummary"];
                        insights: components["schemas"]["Insight"][];
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listInsightRows: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
                rank: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsightRowsPage"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listChatMessages: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatMessage"][];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    chat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    analysisId: string;
                    /** @description The question */
                    message: string;
                };
            };
        };
        responses: {
            /** @description text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    compareFacilities: {
        parameters: {
            query: {
                /** @description Facility ids, comma separated: 2 to 10 of your organisation's */
                facilityIds: string;
                /** @description First local day (default: four weeks before `to`) */
                from?: string;
                /** @description Last local day, inclusive (default: today, UTC) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityComparison"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listConfigPresets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigPresets"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listCanonicalFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CanonicalField"][];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listImports: {
        parameters: {
            query?: {
                facilityId?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: "queued" | "processing" | "completed" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDetail"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listImportErrors: {
        parameters: {
            query?: {
                format?: "json" | "csv";
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportErrorPage"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getImportFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reprocessImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Per field, how operation rows roll up into the work order (others: the field default) */
                    aggregationStrategy?: {
                        [key: string]: "sum" | "avg" | "min" | "max" | "first" | "last";
                    };
                    autoMap?: boolean;
                    granularity?: "header" | "operation";
                    mappings?: components["schemas"]["FieldMapping"][];
                    /** @description The first that fits is used */
                    profileIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Set once analyses exist for imports (issue 14) */
                        analysisId: null;
                        /** Format: uuid */
                        importId: string;
                        jobId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    previewMapping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rows: {
                            errors: {
                                column: string | null;
                                reason: string;
                                value: string | null;
                            }[];
                            rowNo: number;
                            values: {
                                [key: string]: unknown;
                            };
                        }[];
                        summary: {
                            accepted: number;
                            reasons: {
                                [key: string]: number;
                            };
                            rejected: number;
                            rows: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    suggestMapping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detected: {
                            [key: string]: unknown;
                        } | null;
                        granularity: "header" | "operation";
                        headers: string[];
                        mappings: components["schemas"]["FieldMapping"][];
                        rows: string[][];
                        suggestions: components["schemas"]["MappingSuggestion"][];
                        /** @description The ERP the headers come from, when they say */
                        system: string | null;
                        unmapped: string[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listMappingProfiles: {
        parameters: {
            query?: {
                active?: boolean;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Search name, ERP, description */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingProfilePage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createMappingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Per field, how operation rows roll up into the work order (others: the field default) */
                    aggregationStrategy?: {
                        [key: string]: "sum" | "avg" | "min" | "max" | "first" | "last";
                    };
                    configVariables?: {
                        key: string;
                        value: boolean | number | string;
                    }[];
                    dataGranularity?: "header" | "operation";
                    description?: string | null;
                    erpSystem?: string | null;
                    isActive?: boolean;
                    mappings: components["schemas"]["FieldMapping"][];
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingProfile"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getMappingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingProfile"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateMappingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Per field, how operation rows roll up into the work order (others: the field default) */
                    aggregationStrategy?: {
                        [key: string]: "sum" | "avg" | "min" | "max" | "first" | "last";
                    };
                    configVariables?: {
                        key: string;
                        value: boolean | number | string;
                    }[];
                    dataGranularity?: "header" | "operation";
                    description?: string | null;
                    erpSystem?: string | null;
                    isActive?: boolean;
                    mappings: components["schemas"]["FieldMapping"][];
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingProfile"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteMappingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listMappingProfileVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingProfileVersion"][];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAnalysisSchedules: {
        parameters: {
            query?: {
                facilityId?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: "active" | "paused";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisSchedulePage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createAnalysisSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Five fields — minute hour day-of-month month day-of-week — in the facility's time zone, e.g. `0 6 * * 1-5` (06:00 on weekdays); or @daily, @hourly, @weekly, @monthly */
                    cron: string;
                    /** Format: uuid */
                    facilityId: string;
                    name: string;
                    /**
                     * Format: uuid
                     * @description The mapping profile the files are imported with
                     */
                    profileId: string;
                    source: {
                        /** @enum {string} */
                        kind: "folder";
                    } | {
                        /** @description Request headers sent to the URL (e.g. an API token); stored, shown back masked */
                        headers?: {
                            [key: string]: string;
                        };
                        /** @enum {string} */
                        kind: "url";
                        /** @description http:// or https:// URL of a CSV or XLSX file */
                        url: string;
                    };
                    status?: "active" | "paused";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisSchedule"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAnalysisSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisSchedule"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteAnalysisSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateAnalysisSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description A URL source sent without `headers` keeps the stored ones */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Five fields — minute hour day-of-month month day-of-week — in the facility's time zone, e.g. `0 6 * * 1-5` (06:00 on weekdays); or @daily, @hourly, @weekly, @monthly */
                    cron?: string;
                    name?: string;
                    /** Format: uuid */
                    profileId?: string;
                    source?: {
                        /** @enum {string} */
                        kind: "folder";
                    } | {
                        /** @description Request headers sent to the URL (e.g. an API token); stored, shown back masked */
                        headers?: {
                            [key: string]: string;
                        };
                        /** @enum {string} */
                        kind: "url";
                        /** @description http:// or https:// URL of a CSV or XLSX file */
                        url: string;
                    };
                    status?: "active" | "paused";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisSchedule"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    pauseAnalysisSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisSchedule"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    resumeAnalysisSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisSchedule"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    runAnalysisSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleRun"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAnalysisScheduleRuns: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleRunPage"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    previewAnalysisSchedule: {
        parameters: {
            query: {
                /** @description Five fields — minute hour day-of-month month day-of-week — in the facility's time zone, e.g. `0 6 * * 1-5` (06:00 on weekdays); or @daily, @hourly, @weekly, @monthly */
                cron: string;
                /** @description IANA time zone, e.g. Europe/Berlin */
                timezone: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchedulePreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAnalyticsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsSettings"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateAnalyticsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    duplicatePolicy?: "refuse" | "mark";
                    fileRetentionDays?: number;
                    rejectPolicy?: "skip" | "fail";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsSettings"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    uploadWorkOrders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Set once analyses exist for imports (issue 14) */
                        analysisId: null;
                        /** Format: uuid */
                        importId: string;
                        jobId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                includeRevoked?: boolean;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description Default: 90 days from now; at most API_KEY_MAX_LIFETIME_DAYS (365) ahead
                     */
                    expiresAt?: string;
                    name: string;
                    scopes: ("read" | "operate" | "analyze" | "admin")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                action?: string;
                actorUserId?: string;
                /** @description Entries older than this id */
                before?: number;
                from?: string;
                /** @description Items per page */
                limit?: number;
                targetId?: string;
                targetType?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    acceptInvitationWithPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    acceptInvitationSignedIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                    /**
                     * Format: uuid
                     * @description Organisation to sign in to (default: your first)
                     */
                    tenantId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    refreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Events after this position (the last one seen) */
                after?: number;
                aggregateId?: string;
                aggregateType?: string;
                limit?: number;
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DomainEvent"][];
                        /** @description Pass as `after` for the next page; null at the end */
                        nextAfter: number | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    redeliverEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the dead event */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listDeadEvents: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            aggregateId: string;
                            aggregateType: string;
                            attempts: number;
                            /** Format: date-time */
                            deadAt: string;
                            id: number;
                            lastError: string | null;
                            /** Format: date-time */
                            occurredAt: string;
                            type: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listFacilities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityList"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listCameras: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                stationId?: string;
                status?: "online" | "offline" | "maintenance";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionCameraPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createCamera: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Run the built-in detector on images that come without defects */
                    detectOnIngest?: boolean;
                    height: number;
                    /** Format: uuid */
                    lineId?: string | null;
                    /** @description Millimetres per pixel */
                    mmPerPixel: number;
                    name: string;
                    orientation?: number;
                    serialNumber: string;
                    /** Format: uuid */
                    stationId: string;
                    status?: "online" | "offline" | "maintenance";
                    width: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionCamera"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCamera: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serialNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionCamera"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteCamera: {
        parameters: {
            query?: {
                purge?: boolean;
            };
            header?: never;
            path: {
                serialNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateCamera: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serialNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Run the built-in detector on images that come without defects */
                    detectOnIngest?: boolean;
                    height?: number;
                    /** Format: uuid */
                    lineId?: string | null;
                    /** @description Millimetres per pixel */
                    mmPerPixel?: number;
                    name?: string;
                    orientation?: number;
                    /** Format: uuid */
                    stationId?: string;
                    status?: "online" | "offline" | "maintenance";
                    width?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionCamera"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCameraLatest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serialNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        camera: components["schemas"]["InspectionCamera"];
                        latest: components["schemas"]["InspectionImageWithDefects"] | null;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    markDefect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    areaPx?: number;
                    bbox?: {
                        h: number;
                        w: number;
                        x: number;
                        y: number;
                    };
                    contour?: number[][];
                    cx: number;
                    cy: number;
                    diameterPx?: number;
                    /** Format: uuid */
                    imageId: string;
                    note?: string;
                    type: "porosity" | "gas_pore" | "shrinkage" | "inclusion" | "crack" | "other";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionDefect"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    disposeDefect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    disposition: "pending" | "accept" | "reject" | "rework" | "false_positive";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionDefect"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    exportDefects: {
        parameters: {
            query?: {
                cameraId?: string;
                /** @description csv (default): UTF-8 with a byte-order mark; xlsx: an Excel workbook */
                format?: "csv" | "xlsx";
                from?: string;
                partNumber?: string;
                stationId?: string;
                to?: string;
                type?: "porosity" | "gas_pore" | "shrinkage" | "inclusion" | "crack" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, streamed (an attachment named in Content-Disposition) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listImageDefects: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                imageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionDefectList"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reviewDefect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    decision: "confirm" | "overturn";
                    disposition?: "accept" | "rework" | "false_positive";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionDefect"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    defectStatistics: {
        parameters: {
            query?: {
                bucket?: "day" | "shift";
                cameraId?: string;
                from?: string;
                partNumber?: string;
                stationId?: string;
                to?: string;
                type?: "porosity" | "gas_pore" | "shrinkage" | "inclusion" | "crack" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionDefectStatistics"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    exportDefectStatistics: {
        parameters: {
            query?: {
                bucket?: "day" | "shift";
                cameraId?: string;
                format?: "pdf" | "csv" | "xlsx";
                from?: string;
                partNumber?: string;
                stationId?: string;
                to?: string;
                type?: "porosity" | "gas_pore" | "shrinkage" | "inclusion" | "crack" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report file (attachment) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getImage: {
        parameters: {
            query?: {
                format?: "jpeg" | "webp" | "png";
                /** @description Draw `defects` (outlines, labels, coloured by disposition) and/or `regions` (coloured by verdict) */
                overlay?: string;
                /** @description Width in pixels (never enlarged) */
                w?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    detectImageDefects: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionImageWithDefects"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listLatestImages: {
        parameters: {
            query?: {
                stationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["InspectionImageWithDefects"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getImageMeta: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionImageWithDefects"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTriggerImages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                triggerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["InspectionImageWithDefects"][];
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listInspectionParts: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionPartPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createInspectionPart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    drawingRevision?: string | null;
                    material?: string | null;
                    name: string;
                    partNumber: string;
                    regionSet?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionPart"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getInspectionPart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionPart"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteInspectionPart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateInspectionPart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    drawingRevision?: string | null;
                    material?: string | null;
                    name?: string;
                    regionSet?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionPart"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createRegion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    cameraId: string;
                    kind?: "inspect" | "ignore";
                    name: string;
                    /** @description Points [x, y] in normalized image coordinates (0–1): at least 3, not self-intersecting */
                    polygon: number[][];
                    regionSet?: string;
                    rules?: {
                        ignoreBelowMm?: number;
                        maxAreaShare?: number;
                        maxDensityPerCm2?: number;
                        maxPoreCount?: number;
                        maxPoreSizeMm?: number;
                        minSpacingMm?: number;
                        spacingMode?: "merge" | "fail";
                        types?: ("porosity" | "gas_pore" | "shrinkage" | "inclusion" | "crack" | "other")[];
                    };
                    severity?: "critical" | "major" | "minor";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        region: components["schemas"]["InspectionRegion"];
                        version: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    replaceRegion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind?: "inspect" | "ignore";
                    name: string;
                    /** @description Points [x, y] in normalized image coordinates (0–1): at least 3, not self-intersecting */
                    polygon: number[][];
                    regionSet?: string;
                    rules?: {
                        ignoreBelowMm?: number;
                        maxAreaShare?: number;
                        maxDensityPerCm2?: number;
                        maxPoreCount?: number;
                        maxPoreSizeMm?: number;
                        minSpacingMm?: number;
                        spacingMode?: "merge" | "fail";
                        types?: ("porosity" | "gas_pore" | "shrinkage" | "inclusion" | "crack" | "other")[];
                    };
                    severity?: "critical" | "major" | "minor";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        region: components["schemas"]["InspectionRegion"];
                        version: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteRegion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listCameraRegions: {
        parameters: {
            query?: {
                regionSet?: string;
            };
            header?: never;
            path: {
                cameraId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionRegionList"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    previewRegions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cameraId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 20 */
                    limit?: number;
                    regions: {
                        /** Format: uuid */
                        id?: string;
                        kind?: "inspect" | "ignore";
                        name: string;
                        /** @description Points [x, y] in normalized image coordinates (0–1): at least 3, not self-intersecting */
                        polygon: number[][];
                        rules?: {
                            ignoreBelowMm?: number;
                            maxAreaShare?: number;
                            maxDensityPerCm2?: number;
                            maxPoreCount?: number;
                            maxPoreSizeMm?: number;
                            minSpacingMm?: number;
                            spacingMode?: "merge" | "fail";
                            types?: ("porosity" | "gas_pore" | "shrinkage" | "inclusion" | "crack" | "other")[];
                        };
                        severity?: "critical" | "major" | "minor";
                    }[];
                    regionSet?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            current: "pass" | "fail";
                            imageId: string;
                            partSerial: string;
                            /** @enum {string} */
                            proposed: "pass" | "fail";
                            reasons: string[];
                            triggerId: string;
                            /** Format: date-time */
                            ts: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listRegionVersions: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                cameraId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        change: string;
                        changedBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        regions: {
                            [key: string]: unknown;
                        }[];
                        version: number;
                    }[];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getInspectionSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A rejected defect waits for a second person to confirm it */
                        secondReview: boolean;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    putInspectionSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A rejected defect waits for a second person to confirm it */
                    secondReview: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A rejected defect waits for a second person to confirm it */
                        secondReview: boolean;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listInspectionStations: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionStationPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createInspectionStation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    facilityId: string;
                    /** Format: uuid */
                    lineId?: string | null;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionStation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteInspectionStation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateInspectionStation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    lineId?: string | null;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionStation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCurrentPart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionCurrentPart"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    setCurrentPart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    partNumber: string;
                    partSerial?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionCurrentPart"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTriggers: {
        parameters: {
            query?: {
                from?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                partNumber?: string;
                partSerial?: string;
                stationId?: string;
                to?: string;
                verdict?: "pass" | "fail";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionTriggerPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionTriggerDetail"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionTriggerDetail"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    disposeTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    disposition: "accept" | "reject" | "rework" | "scrap";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionTrigger"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reanalyzeTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionTriggerDetail"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                name?: string;
                /** @description Items to skip */
                offset?: number;
                status?: "queued" | "running" | "retrying" | "completed" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    startDiagnostics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 20 */
                    rounds: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listNotificationChannels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannel"][];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled?: boolean;
                    headers?: {
                        [key: string]: string;
                    };
                    kind: "email" | "webhook" | "in_app";
                    name: string;
                    recipients?: string[];
                    /**
                     * Format: uri
                     * @description http(s) URL the JSON is POSTed to
                     */
                    url?: string;
                    userIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannelCreated"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannel"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description true re-enables a channel disabled after failures (and resets its count) */
                    enabled?: boolean;
                    headers?: {
                        [key: string]: string;
                    };
                    name?: string;
                    recipients?: string[];
                    /**
                     * Format: uri
                     * @description http(s) URL the JSON is POSTed to
                     */
                    url?: string;
                    userIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannel"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    testNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationTestResult"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listNotificationDeliveries: {
        parameters: {
            query?: {
                channelId?: string;
                eventKind?: "analysis.completed" | "insight.severity" | "alarm.unacknowledged" | "inspection.reject_rate" | "job.failed" | "schedule.failed" | "schedule.completed" | "test" | "digest";
                from?: string;
                kind?: "email" | "webhook";
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: "pending" | "retrying" | "held" | "digest" | "sent" | "failed" | "digested";
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDeliveryPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getNotificationDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDelivery"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    replayNotificationDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDelivery"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listInbox: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Only unread items */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    markInboxRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: number[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxUnread"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    markInboxAllRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxUnread"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    inboxUnreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxUnread"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    putNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description eventKinds null: every kind; quiet hours: both times or neither; emails in them wait for their end */
        requestBody: {
            content: {
                "application/json": {
                    digest: boolean;
                    digestHour: number;
                    eventKinds: ("analysis.completed" | "insight.severity" | "alarm.unacknowledged" | "inspection.reject_rate" | "job.failed" | "schedule.failed" | "schedule.completed")[] | null;
                    /** @description Local time HH:MM */
                    quietEnd: string | null;
                    /** @description Local time HH:MM */
                    quietStart: string | null;
                    timezone: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listNotificationRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationRule"][];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createNotificationRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    channelIds: string[];
                    enabled?: boolean;
                    escalationChannelIds?: string[];
                    eventKind: "analysis.completed" | "insight.severity" | "alarm.unacknowledged" | "inspection.reject_rate" | "job.failed" | "schedule.failed" | "schedule.completed";
                    name: string;
                    /** @description Per kind: analysis.completed/schedule.* facilityId; insight.severity minSeverity (info…critical); alarm.unacknowledged afterMinutes, escalateAfterMinutes, minSeverity (warning|critical), facilityId; inspection.reject_rate thresholdPercent, windowMinutes, minParts, stationId, facilityId; job.failed jobName */
                    params?: {
                        afterMinutes?: number;
                        escalateAfterMinutes?: number;
                        /** Format: uuid */
                        facilityId?: string;
                        jobName?: string;
                        minParts?: number;
                        minSeverity?: "info" | "low" | "medium" | "high" | "critical" | "warning";
                        /** Format: uuid */
                        scheduleId?: string;
                        /** Format: uuid */
                        stationId?: string;
                        thresholdPercent?: number;
                        windowMinutes?: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationRule"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getNotificationRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationRule"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteNotificationRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateNotificationRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    channelIds?: string[];
                    enabled?: boolean;
                    escalationChannelIds?: string[];
                    name?: string;
                    /** @description Per kind: analysis.completed/schedule.* facilityId; insight.severity minSeverity (info…critical); alarm.unacknowledged afterMinutes, escalateAfterMinutes, minSeverity (warning|critical), facilityId; inspection.reject_rate thresholdPercent, windowMinutes, minParts, stationId, facilityId; job.failed jobName */
                    params?: {
                        afterMinutes?: number;
                        escalateAfterMinutes?: number;
                        /** Format: uuid */
                        facilityId?: string;
                        jobName?: string;
                        minParts?: number;
                        minSeverity?: "info" | "low" | "medium" | "high" | "critical" | "warning";
                        /** Format: uuid */
                        scheduleId?: string;
                        /** Format: uuid */
                        stationId?: string;
                        thresholdPercent?: number;
                        windowMinutes?: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationRule"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAlarms: {
        parameters: {
            query?: {
                facilityId?: string;
                from?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                sensorId?: string;
                severity?: "warning" | "critical";
                status?: "open" | "acknowledged" | "cleared" | "active";
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlarmPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAlarm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alarm"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    acknowledgeAlarm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alarm"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    clearAlarm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alarm"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    exportAlarms: {
        parameters: {
            query?: {
                facilityId?: string;
                format?: "pdf" | "csv" | "xlsx";
                from?: string;
                sensorId?: string;
                severity?: "warning" | "critical";
                status?: "open" | "acknowledged" | "cleared" | "active";
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report file (attachment) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    alarmSummary: {
        parameters: {
            query?: {
                facilityId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acknowledged: number;
                        critical: number;
                        open: number;
                        warning: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listBatches: {
        parameters: {
            query?: {
                facilityId?: string;
                from?: string;
                /** @description Items per page */
                limit?: number;
                lineId?: string;
                /** @description Items to skip */
                offset?: number;
                productSku?: string;
                status?: "planned" | "running" | "completed";
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    /** @description Fastest possible time per piece */
                    idealCycleSeconds: number;
                    /** @description Cost per labour hour */
                    labourRate?: number;
                    /** Format: uuid */
                    lineId: string;
                    materialCostPerUnit?: number;
                    notes?: string | null;
                    /** Format: date-time */
                    plannedEnd?: string | null;
                    plannedQuantity: number;
                    /** Format: date-time */
                    plannedStart?: string | null;
                    productName?: string | null;
                    productSku: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Fastest possible time per piece */
                    idealCycleSeconds?: number;
                    /** @description Cost per labour hour */
                    labourRate?: number;
                    materialCostPerUnit?: number;
                    notes?: string | null;
                    /** Format: date-time */
                    plannedEnd?: string | null;
                    plannedQuantity?: number;
                    /** Format: date-time */
                    plannedStart?: string | null;
                    productName?: string | null;
                    productSku?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    completeBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description When it completed (default: now)
                     */
                    at?: string;
                    goodCount: number;
                    labourHours?: number;
                    reworkCount?: number;
                    scrapCount: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    startBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description When it started (default: now)
                     */
                    at?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    exportBatches: {
        parameters: {
            query?: {
                facilityId?: string;
                /** @description csv (default): UTF-8 with a byte-order mark; xlsx: an Excel workbook */
                format?: "csv" | "xlsx";
                from?: string;
                lineId?: string;
                productSku?: string;
                status?: "planned" | "running" | "completed";
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, streamed (an attachment named in Content-Disposition) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listDowntimeReasons: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DowntimeReason"][];
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createDowntimeReason: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category: string;
                    code: string;
                    label: string;
                    planned: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DowntimeReason"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateDowntimeReason: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    category?: string;
                    label?: string;
                    planned?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DowntimeReason"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getDowntimePareto: {
        parameters: {
            query?: {
                facilityId?: string;
                from?: string;
                /** @description Also list planned stops */
                includePlanned?: boolean;
                lineId?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParetoReport"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listLines: {
        parameters: {
            query?: {
                facilityId?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: "running" | "idle" | "down" | "maintenance";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinePage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createLine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    description?: string | null;
                    /** Format: uuid */
                    facilityId: string;
                    name: string;
                    oeeTarget?: number;
                    scrapThreshold?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Line"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineDetail"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    description?: string | null;
                    name?: string;
                    oeeTarget?: number;
                    scrapThreshold?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Line"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    changeLineStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description When it happened (default: now)
                     */
                    at?: string;
                    note?: string;
                    reasonCode?: string;
                    status: "running" | "idle" | "down" | "maintenance";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Line"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getOee: {
        parameters: {
            query: {
                facilityId?: string;
                /** @description Calendar day YYYY-MM-DD */
                from?: string;
                groupBy: "line" | "day" | "shift";
                lineId?: string;
                /** @description Calendar day YYYY-MM-DD */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OeeReport"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    exportOee: {
        parameters: {
            query?: {
                facilityId?: string;
                format?: "pdf" | "csv" | "xlsx";
                /** @description Calendar day YYYY-MM-DD */
                from?: string;
                groupBy?: "line" | "day" | "shift";
                lineId?: string;
                /** @description Calendar day YYYY-MM-DD */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report file (attachment) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSensorGroups: {
        parameters: {
            query?: {
                facilityId?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SensorGroupPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createSensorGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Readings are averaged per bucket this wide */
                    alignSeconds?: number;
                    description?: string | null;
                    /** Format: uuid */
                    facilityId: string;
                    name: string;
                    /** @description Sensors of one facility, in model order */
                    sensorIds: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SensorGroup"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSensorGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SensorGroupDetail"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteSensorGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateSensorGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Readings are averaged per bucket this wide */
                    alignSeconds?: number;
                    description?: string | null;
                    name?: string;
                    /** @description Sensors of one facility, in model order */
                    sensorIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SensorGroup"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    trainSensorGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    explained?: number;
                    /** Format: date-time */
                    from?: string;
                    quantile?: number;
                    /** Format: date-time */
                    to?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SensorGroup"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSensors: {
        parameters: {
            query?: {
                facilityId?: string;
                /** @description Items per page */
                limit?: number;
                lineId?: string;
                /** @description Items to skip */
                offset?: number;
                /** @description Part of the key or name */
                q?: string;
                /** @description Add the means of the last two hours */
                sparkline?: boolean;
                type?: "temperature" | "pressure" | "vibration" | "flow" | "level" | "weight" | "speed" | "current" | "voltage" | "power" | "humidity" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SensorPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createSensor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    clearAfterSeconds?: number;
                    controlLimits?: {
                        center: number;
                        sigma: number;
                    } | null;
                    detection?: {
                        anomaly?: {
                            enabled?: boolean;
                            threshold?: number;
                        };
                        /** @description Readings to learn limits from */
                        baselineCount?: number;
                        ewma?: {
                            enabled?: boolean;
                            lambda?: number;
                            width?: number;
                        };
                        /** @description SPC run rules to judge */
                        rules?: ("we1" | "we2" | "we3" | "we4" | "n1" | "n2" | "n3" | "n4" | "n5" | "n6" | "n7" | "n8")[];
                        /** @description Alarm when a reading leaves the spec limits */
                        spec?: boolean;
                        zscore?: {
                            enabled?: boolean;
                            threshold?: number;
                            window?: number;
                        };
                    };
                    equipment?: string | null;
                    /** Format: uuid */
                    facilityId: string;
                    key: string;
                    /** Format: uuid */
                    lineId?: string | null;
                    lowerSpec?: number | null;
                    name: string;
                    samplingSeconds?: number | null;
                    target?: number | null;
                    type: "temperature" | "pressure" | "vibration" | "flow" | "level" | "weight" | "speed" | "current" | "voltage" | "power" | "humidity" | "other";
                    unit?: string | null;
                    upperSpec?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sensor"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSensor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SensorDetail"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteSensor: {
        parameters: {
            query?: {
                purge?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateSensor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    clearAfterSeconds?: number;
                    controlLimits?: {
                        center: number;
                        sigma: number;
                    } | null;
                    detection?: {
                        anomaly?: {
                            enabled?: boolean;
                            threshold?: number;
                        };
                        /** @description Readings to learn limits from */
                        baselineCount?: number;
                        ewma?: {
                            enabled?: boolean;
                            lambda?: number;
                            width?: number;
                        };
                        /** @description SPC run rules to judge */
                        rules?: ("we1" | "we2" | "we3" | "we4" | "n1" | "n2" | "n3" | "n4" | "n5" | "n6" | "n7" | "n8")[];
                        /** @description Alarm when a reading leaves the spec limits */
                        spec?: boolean;
                        zscore?: {
                            enabled?: boolean;
                            threshold?: number;
                            window?: number;
                        };
                    };
                    equipment?: string | null;
                    key?: string;
                    /** Format: uuid */
                    lineId?: string | null;
                    lowerSpec?: number | null;
                    name?: string;
                    samplingSeconds?: number | null;
                    target?: number | null;
                    type?: "temperature" | "pressure" | "vibration" | "flow" | "level" | "weight" | "speed" | "current" | "voltage" | "power" | "humidity" | "other";
                    unit?: string | null;
                    upperSpec?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sensor"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSensorReadings: {
        parameters: {
            query?: {
                /** @description raw: the `next` cursor of the previous page */
                after?: number;
                bucket?: "auto" | "raw" | "1m" | "1h" | "1d";
                from?: string;
                /** @description raw: readings per page */
                limit?: number;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadingSeries"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postSensorReading: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description ISO 8601 or epoch milliseconds */
                    ts?: string | number;
                    value: (number | null) | ("NaN" | "Infinity" | "-Infinity");
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    exportSensorReadings: {
        parameters: {
            query?: {
                /** @description csv (default): UTF-8 with a byte-order mark; xlsx: an Excel workbook */
                format?: "csv" | "xlsx";
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, streamed (an attachment named in Content-Disposition) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    importSensorReadingsCsv: {
        parameters: {
            query: {
                /** @description Where sensor keys are looked up */
                facilityId?: string;
                /** @description long: sensor_key,ts,value rows · wide: ts,<key>,<key>,… (one column per sensor) */
                format: "long" | "wide";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Size of the stored file */
                        bytes: number;
                        /** Format: uuid */
                        jobId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postReadingsBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    facilityId?: string;
                    readings?: {
                        /** Format: uuid */
                        sensorId?: string;
                        sensorKey?: string;
                        /** @description ISO 8601 or epoch milliseconds */
                        ts: string | number;
                        value: (number | null) | ("NaN" | "Infinity" | "-Infinity");
                    }[];
                    series?: {
                        /** Format: uuid */
                        sensorId?: string;
                        sensorKey?: string;
                        ts: (string | number)[];
                        values: ((number | null) | ("NaN" | "Infinity" | "-Infinity"))[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listShifts: {
        parameters: {
            query?: {
                facilityId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Shift"][];
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createShift: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    breaks?: {
                        minutes: number;
                        name: string;
                        /** @description Local time HH:MM */
                        start: string;
                    }[];
                    /** @description ISO weekdays, 1 = Monday … 7 = Sunday */
                    days?: number[];
                    /** @description Local time HH:MM */
                    endTime: string;
                    /** Format: uuid */
                    facilityId: string;
                    name: string;
                    /** @description Local time HH:MM */
                    startTime: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shift"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteShift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateShift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    breaks?: {
                        minutes: number;
                        name: string;
                        /** @description Local time HH:MM */
                        start: string;
                    }[];
                    /** @description ISO weekdays, 1 = Monday … 7 = Sunday */
                    days?: number[];
                    /** @description Local time HH:MM */
                    endTime?: string;
                    name?: string;
                    /** @description Local time HH:MM */
                    startTime?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shift"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTelemetrySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelemetrySettings"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateTelemetrySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    autoCreateSensors?: boolean;
                    /** Format: uuid */
                    defaultFacilityId?: string | null;
                    mqtt?: "rotate" | "off";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelemetrySettings"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyDecisions: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: "pending" | "proposed" | "failed" | "approved" | "rejected" | "executed";
                type?: "replenishment" | "routing";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDecisionPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    startSupplyDecision: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    constraints?: {
                        /** @description Money available for the whole proposal */
                        budget?: number;
                        /**
                         * Format: uuid
                         * @description Use this completed forecast run instead of forecasting anew
                         */
                        forecastRunId?: string;
                        /**
                         * Format: date
                         * @description Stock needed by this day: a later arrival violates the lead-time check
                         */
                        requiredBy?: string;
                        /**
                         * @description Cut lines to the warehouses' free room
                         * @default true
                         */
                        respectCapacity?: boolean;
                    };
                    /** @description Type `routing` (required there): the day, depot, orders, vehicles, objective and limits */
                    routing?: {
                        /**
                         * Format: date
                         * @description The delivery day
                         */
                        date: string;
                        /**
                         * @description Road distance = great-circle distance × this
                         * @default 1.3
                         */
                        detourFactor?: number;
                        /**
                         * @description Cost of using a vehicle at all
                         * @default 0
                         */
                        fixedCostPerVehicle?: number;
                        forbiddenArcs?: {
                            /**
                             * Format: uuid
                             * @description A client or warehouse id
                             */
                            from: string;
                            /**
                             * Format: uuid
                             * @description A client or warehouse id
                             */
                            to: string;
                        }[];
                        forbiddenZones?: {
                            /** @description Vehicles with one of these features may cross it (e.g. low_emission_zone) */
                            allowedFeatures?: string[];
                            name: string;
                            /** @description Corners of the polygon (longitude, latitude), in order */
                            polygon: {
                                lat: number;
                                lon: number;
                            }[];
                        }[];
                        objective?: {
                            /**
                             * @description `hierarchical`: fewest vehicles first, then the weighted cost; `weighted`: the weighted sum only (a vehicle counts through its fixed cost and the `vehicles` weight)
                             * @default hierarchical
                             * @enum {string}
                             */
                            mode: "hierarchical" | "weighted";
                            weights?: {
                                /** @description Per kg of CO2 (default 0) */
                                co2?: number;
                                /** @description Per unit of distance cost (default 1) */
                                distance?: number;
                                /** @description Per unit of risk (default 0) */
                                risk?: number;
                                /** @description Per unit of time cost (default 0) */
                                time?: number;
                                /** @description Per vehicle used (default 0) */
                                vehicles?: number;
                            };
                        };
                        /** @description Customer orders to route (default: every confirmed or allocated one requested for the day from the depots) */
                        orderIds?: string[];
                        riskZones?: {
                            name: string;
                            /** @description Corners of the polygon (longitude, latitude), in order */
                            polygon: {
                                lat: number;
                                lon: number;
                            }[];
                            riskPerKm: number;
                        }[];
                        /**
                         * @description Same seed, same search
                         * @default 1
                         */
                        seed?: number;
                        /**
                         * @description Average road speed
                         * @default 50
                         */
                        speedKmh?: number;
                        /**
                         * @description Search time, 1 … 300 s (the first plan is built in any case)
                         * @default 10
                         */
                        timeLimitSeconds?: number;
                        /** @description Vehicles to use (default: the available vehicles based at the depots) */
                        vehicleIds?: string[];
                        /**
                         * Format: uuid
                         * @description The depot (default: every warehouse with an available vehicle)
                         */
                        warehouseId?: string;
                    };
                    /** @description Which SKU × warehouse series (every one when empty) */
                    scope?: {
                        categories?: string[];
                        /** @description SKUs (all when absent) */
                        skus?: string[];
                        warehouseIds?: string[];
                    };
                    /** @enum {string} */
                    type: "replenishment" | "routing";
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDecision"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDecision"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyDecisionActions: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                sku?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDecisionActionPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    approveSupplyDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDecision"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    executeSupplyDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Routing: the vehicle assignments */
                        assignmentIds?: string[];
                        decision: components["schemas"]["SupplyDecision"];
                        orderIds: string[];
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    explainSupplyDecision: {
        parameters: {
            query?: {
                /** @description Routing decisions: why this order is on its vehicle (or unserved), and its best alternative */
                orderId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyExplanation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rejectSupplyDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDecision"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reoptimiseSupplyDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    addOrderIds?: string[];
                    /**
                     * Format: date-time
                     * @description Instead of executedStops: every stop whose service started by then stays
                     */
                    asOf?: string;
                    /** @description Vehicles that broke down: they keep their executed stops, the rest go to others */
                    brokenVehicleIds?: string[];
                    /** @description Per vehicle, how many of its first stops are done or under way (they stay) */
                    executedStops?: {
                        count: number;
                        /** Format: uuid */
                        vehicleId: string;
                    }[];
                    removeOrderIds?: string[];
                    seed?: number;
                    /** @default 10 */
                    timeLimitSeconds?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDecision"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyDecisionRoutes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDecisionRoutes"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    exportSupplyDecisions: {
        parameters: {
            query?: {
                /** @description csv (default): UTF-8 with a byte-order mark; xlsx: an Excel workbook */
                format?: "csv" | "xlsx";
                status?: "pending" | "proposed" | "failed" | "approved" | "rejected" | "executed";
                type?: "replenishment" | "routing";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, streamed (an attachment named in Content-Disposition) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyDeployments: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                modelName?: string;
                /** @description Items to skip */
                offset?: number;
                stage?: "production" | "staging";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDeploymentPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rollbackSupplyModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    modelName: string;
                    reason?: string;
                    scope?: string;
                    /** @enum {string} */
                    stage: "production" | "staging";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDeployment"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyClients: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Part of the code or name */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyClientPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createSupplyClient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    latitude?: number | null;
                    longitude?: number | null;
                    name: string;
                    /** @description 1 (highest) … 5 */
                    priority?: number;
                    /** @description Minutes spent at the client per delivery */
                    serviceMinutes?: number;
                    /** @description Promised delivery time in hours */
                    slaHours?: number | null;
                    /** @description Delivery windows of a day (several allowed, not overlapping) */
                    timeWindows?: {
                        /** @description Local time HH:MM */
                        end: string;
                        /** @description Local time HH:MM */
                        start: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyClient"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyClient"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteSupplyClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateSupplyClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    latitude?: number | null;
                    longitude?: number | null;
                    name?: string;
                    /** @description 1 (highest) … 5 */
                    priority?: number;
                    /** @description Minutes spent at the client per delivery */
                    serviceMinutes?: number;
                    /** @description Promised delivery time in hours */
                    slaHours?: number | null;
                    /** @description Delivery windows of a day (several allowed, not overlapping) */
                    timeWindows?: {
                        /** @description Local time HH:MM */
                        end: string;
                        /** @description Local time HH:MM */
                        start: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyClient"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyInventoryRows: {
        parameters: {
            query?: {
                category?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Part of the SKU or description */
                search?: string;
                /** @description SKUs starting with this */
                sku?: string;
                warehouseId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyInventoryPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createSupplyInventory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category?: string | null;
                    description?: string | null;
                    /** @description Holding cost per year as a fraction of the unit cost */
                    holdingCostRate?: number;
                    /** @description Mean supplier lead time in days */
                    leadTimeDays?: number;
                    /** @description Standard deviation of the lead time in days */
                    leadTimeSdDays?: number;
                    /** @description Orders are multiples of it */
                    lotSize?: number;
                    /** @description Minimum order quantity */
                    moq?: number;
                    /** @description Units in stock */
                    onHand?: number;
                    /** @description Units on open purchase orders */
                    onOrder?: number;
                    /** @description Fixed cost of placing one order */
                    orderingCost?: number;
                    policy?: "sQ" | "RS";
                    /** @description Units promised to allocated customer orders */
                    reserved?: number;
                    /** @description Review period of the (R, S) policy in days */
                    reviewPeriodDays?: number;
                    serviceKind?: "cycle" | "fill_rate";
                    /** @description Target service level, strictly between 0 and 1 */
                    serviceLevel?: number;
                    sku: string;
                    supplier?: string | null;
                    /** @description Cost of one unit */
                    unitCost?: number;
                    /** @description Volume of one unit in m³ (an order line takes quantity × this) */
                    unitVolumeM3?: number;
                    /** @description Weight of one unit in kg (an order line weighs quantity × this) */
                    unitWeightKg?: number;
                    /** Format: uuid */
                    warehouseId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyInventory"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyInventory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyInventory"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteSupplyInventory: {
        parameters: {
            query?: {
                /** @description Delete its demand history too (admins only) */
                purge?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateSupplyInventory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The warehouse and SKU of a row are its identity and do not change */
        requestBody: {
            content: {
                "application/json": {
                    category?: string | null;
                    description?: string | null;
                    /** @description Holding cost per year as a fraction of the unit cost */
                    holdingCostRate?: number;
                    /** @description Mean supplier lead time in days */
                    leadTimeDays?: number;
                    /** @description Standard deviation of the lead time in days */
                    leadTimeSdDays?: number;
                    /** @description Orders are multiples of it */
                    lotSize?: number;
                    /** @description Minimum order quantity */
                    moq?: number;
                    /** @description Units in stock */
                    onHand?: number;
                    /** @description Units on open purchase orders */
                    onOrder?: number;
                    /** @description Fixed cost of placing one order */
                    orderingCost?: number;
                    policy?: "sQ" | "RS";
                    /** @description Units promised to allocated customer orders */
                    reserved?: number;
                    /** @description Review period of the (R, S) policy in days */
                    reviewPeriodDays?: number;
                    serviceKind?: "cycle" | "fill_rate";
                    /** @description Target service level, strictly between 0 and 1 */
                    serviceLevel?: number;
                    supplier?: string | null;
                    /** @description Cost of one unit */
                    unitCost?: number;
                    /** @description Volume of one unit in m³ (an order line takes quantity × this) */
                    unitVolumeM3?: number;
                    /** @description Weight of one unit in kg (an order line weighs quantity × this) */
                    unitWeightKg?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyInventory"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyDemandHistory: {
        parameters: {
            query?: {
                /** @description day, week (from Monday) or month */
                bucket?: "day" | "week" | "month";
                /** @description First day (default: the first day with demand) */
                from?: string;
                /** @description Last day (default: the last day with demand) */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Imported demand history plus the lines of shipped and delivered customer orders on their requested date, summed per bucket; buckets without demand are 0 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDemandSeries"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyItemForecast: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        bucket: "day" | "week" | "month";
                        forecast: components["schemas"]["SupplySeriesForecast"];
                        level: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyOrders: {
        parameters: {
            query?: {
                clientId?: string;
                /** @description Requested on or after */
                from?: string;
                kind?: "customer" | "purchase" | "transfer";
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Orders with a line of this SKU */
                sku?: string;
                status?: "draft" | "confirmed" | "allocated" | "shipped" | "delivered" | "received" | "cancelled";
                /** @description Requested on or before */
                to?: string;
                warehouseId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyOrderPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createSupplyOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A customer order needs a client; purchase and transfer orders need an inventory row for each line */
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    clientId?: string | null;
                    kind?: "customer" | "purchase" | "transfer";
                    lines: {
                        quantity: number;
                        sku: string;
                    }[];
                    /** @description 1 (highest) … 5 */
                    priority?: number;
                    reference?: string | null;
                    /**
                     * Format: date
                     * @description Calendar day YYYY-MM-DD
                     */
                    requestedDate: string;
                    /** @description Vehicle features the delivery needs (e.g. refrigerated) */
                    requiredFeatures?: string[];
                    status?: "draft" | "confirmed";
                    supplier?: string | null;
                    /** @description Load in m³ for routing (null: the lines × their inventory rows' unit volumes) */
                    volumeM3?: number | null;
                    /** Format: uuid */
                    warehouseId: string;
                    /** @description Load in kg for routing (null: the lines × their inventory rows' unit weights) */
                    weightKg?: number | null;
                    /** @description Local time HH:MM */
                    windowEnd?: string | null;
                    /** @description Local time HH:MM */
                    windowStart?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyOrder"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyOrder"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteSupplyOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateSupplyOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description Lines and warehouse change while the order holds no stock (a draft, or a confirmed customer order); `status` moves along the lifecycle */
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    clientId?: string | null;
                    /**
                     * Format: date-time
                     * @description With `status: delivered`: when it arrived (default now; not in the future)
                     */
                    deliveredAt?: string;
                    /** @description With `status: delivered`: units that arrived (default: all ordered) */
                    deliveredQuantity?: number;
                    lines?: {
                        quantity: number;
                        sku: string;
                    }[];
                    /** @description 1 (highest) … 5 */
                    priority?: number;
                    reference?: string | null;
                    /**
                     * Format: date
                     * @description Calendar day YYYY-MM-DD
                     */
                    requestedDate?: string;
                    /** @description Vehicle features the delivery needs (e.g. refrigerated) */
                    requiredFeatures?: string[];
                    status?: "draft" | "confirmed" | "allocated" | "shipped" | "delivered" | "received" | "cancelled";
                    supplier?: string | null;
                    /** @description Load in m³ for routing (null: the lines × their inventory rows' unit volumes) */
                    volumeM3?: number | null;
                    /** Format: uuid */
                    warehouseId?: string;
                    /** @description Load in kg for routing (null: the lines × their inventory rows' unit weights) */
                    weightKg?: number | null;
                    /** @description Local time HH:MM */
                    windowEnd?: string | null;
                    /** @description Local time HH:MM */
                    windowStart?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyOrder"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyVehicleAssignments: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                orderId?: string;
                status?: "planned" | "in_progress" | "completed" | "cancelled";
                vehicleId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyVehicleAssignmentPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createSupplyVehicleAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    actualEnd?: string | null;
                    /** Format: date-time */
                    actualStart?: string | null;
                    /** Format: uuid */
                    orderId: string;
                    /** Format: date-time */
                    plannedEnd?: string | null;
                    /** Format: date-time */
                    plannedStart?: string | null;
                    /** @description Stop number on the route */
                    sequence?: number;
                    status?: "planned" | "in_progress" | "completed" | "cancelled";
                    /** Format: uuid */
                    vehicleId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyVehicleAssignment"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyVehicleAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyVehicleAssignment"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteSupplyVehicleAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateSupplyVehicleAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    actualEnd?: string | null;
                    /** Format: date-time */
                    actualStart?: string | null;
                    /** Format: uuid */
                    orderId?: string;
                    /** Format: date-time */
                    plannedEnd?: string | null;
                    /** Format: date-time */
                    plannedStart?: string | null;
                    /** @description Stop number on the route */
                    sequence?: number;
                    status?: "planned" | "in_progress" | "completed" | "cancelled";
                    /** Format: uuid */
                    vehicleId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyVehicleAssignment"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyVehicles: {
        parameters: {
            query?: {
                depotId?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Part of the code or name */
                search?: string;
                status?: "available" | "in_service" | "maintenance" | "retired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyVehiclePage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createSupplyVehicle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Load capacity in kg */
                    capacityKg: number;
                    /** @description Load capacity in m³ */
                    capacityM3: number;
                    /** @description kg of CO2 per km */
                    co2PerKm?: number;
                    code: string;
                    /** @description Cost per hour on the road */
                    costPerHour?: number;
                    /** @description Cost per km driven */
                    costPerKm?: number;
                    /** Format: uuid */
                    depotId?: string | null;
                    /** @description E.g. refrigerated, tail-lift */
                    features?: string[];
                    maxDrivingHours?: number;
                    /** @description Local time HH:MM */
                    shiftEnd?: string;
                    /** @description Local time HH:MM */
                    shiftStart?: string;
                    status?: "available" | "in_service" | "maintenance" | "retired";
                    type: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyVehicle"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyVehicle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyVehicle"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteSupplyVehicle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateSupplyVehicle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Load capacity in kg */
                    capacityKg?: number;
                    /** @description Load capacity in m³ */
                    capacityM3?: number;
                    /** @description kg of CO2 per km */
                    co2PerKm?: number;
                    code?: string;
                    /** @description Cost per hour on the road */
                    costPerHour?: number;
                    /** @description Cost per km driven */
                    costPerKm?: number;
                    /** Format: uuid */
                    depotId?: string | null;
                    /** @description E.g. refrigerated, tail-lift */
                    features?: string[];
                    maxDrivingHours?: number;
                    /** @description Local time HH:MM */
                    shiftEnd?: string;
                    /** @description Local time HH:MM */
                    shiftStart?: string;
                    status?: "available" | "in_service" | "maintenance" | "retired";
                    type?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyVehicle"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyWarehouses: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Part of the code or name */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyWarehousePage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createSupplyWarehouse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    /** @description Storage capacity in units (null: unlimited) */
                    capacity?: number | null;
                    code: string;
                    latitude?: number | null;
                    longitude?: number | null;
                    name: string;
                    /** @description Opening windows of a day */
                    operatingHours?: {
                        /** @description Local time HH:MM */
                        end: string;
                        /** @description Local time HH:MM */
                        start: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyWarehouse"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyWarehouse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyWarehouse"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteSupplyWarehouse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateSupplyWarehouse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    /** @description Storage capacity in units (null: unlimited) */
                    capacity?: number | null;
                    code?: string;
                    latitude?: number | null;
                    longitude?: number | null;
                    name?: string;
                    /** @description Opening windows of a day */
                    operatingHours?: {
                        /** @description Local time HH:MM */
                        end: string;
                        /** @description Local time HH:MM */
                        start: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyWarehouse"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    explainSupplyHypothetical: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    constraints?: {
                        budget?: number;
                        /**
                         * Format: date
                         * @description Calendar day YYYY-MM-DD
                         */
                        requiredBy?: string;
                    };
                    /** Format: uuid */
                    inventoryId: string;
                    overrides?: {
                        leadTimeDays?: number;
                        leadTimeSdDays?: number;
                        lotSize?: number;
                        moq?: number;
                        onHand?: number;
                        onOrder?: number;
                        /** @enum {string} */
                        policy?: "sQ" | "RS";
                        reserved?: number;
                        reviewPeriodDays?: number;
                        /** @enum {string} */
                        serviceKind?: "cycle" | "fill_rate";
                        serviceLevel?: number;
                        unitCost?: number;
                    };
                } | {
                    /** Format: uuid */
                    decisionId: string;
                    /** Format: uuid */
                    orderId: string;
                    /**
                     * Format: uuid
                     * @description Only this vehicle (default: every vehicle)
                     */
                    vehicleId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyHypotheticalExplanation"] | components["schemas"]["SupplyRoutingHypothetical"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    explainSupplyDecisionById: {
        parameters: {
            query?: {
                /** @description Routing decisions: why this order is on its vehicle (or unserved), and its best alternative */
                orderId?: string;
            };
            header?: never;
            path: {
                decisionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyExplanation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    supplyDecisionFactors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDecisionFactors"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyForecasts: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: "queued" | "running" | "completed" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyForecastRunPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    startSupplyForecast: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default week
                     * @enum {string}
                     */
                    bucket?: "day" | "week" | "month";
                    /**
                     * @description Periods ahead (buckets)
                     * @default 13
                     */
                    horizon?: number;
                    /**
                     * @description Prediction interval coverage
                     * @default 0.95
                     */
                    level?: number;
                    /** @description Which SKU × warehouse series (every one when empty) */
                    scope?: {
                        categories?: string[];
                        /** @description SKUs (all when absent) */
                        skus?: string[];
                        warehouseIds?: string[];
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        jobId: string;
                        run: components["schemas"]["SupplyForecastRun"];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyForecast: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyForecastRun"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyForecastSeries: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                method?: string;
                /** @description Items to skip */
                offset?: number;
                sku?: string;
                warehouseId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplySeriesForecastPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyFrontendDashboard: {
        parameters: {
            query?: {
                /** @description Length of the KPIs' current period */
                days?: number;
                /** @description Last day of the KPIs' period (default: yesterday, UTC) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyFrontendDashboard"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    startSupplyFrontendDecision: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    constraints?: {
                        /** @description Money available for the whole proposal */
                        budget?: number;
                        /**
                         * Format: uuid
                         * @description Use this completed forecast run instead of forecasting anew
                         */
                        forecastRunId?: string;
                        /**
                         * Format: date
                         * @description Stock needed by this day: a later arrival violates the lead-time check
                         */
                        requiredBy?: string;
                        /**
                         * @description Cut lines to the warehouses' free room
                         * @default true
                         */
                        respectCapacity?: boolean;
                    };
                    /** @description Type `routing` (required there): the day, depot, orders, vehicles, objective and limits */
                    routing?: {
                        /**
                         * Format: date
                         * @description The delivery day
                         */
                        date: string;
                        /**
                         * @description Road distance = great-circle distance × this
                         * @default 1.3
                         */
                        detourFactor?: number;
                        /**
                         * @description Cost of using a vehicle at all
                         * @default 0
                         */
                        fixedCostPerVehicle?: number;
                        forbiddenArcs?: {
                            /**
                             * Format: uuid
                             * @description A client or warehouse id
                             */
                            from: string;
                            /**
                             * Format: uuid
                             * @description A client or warehouse id
                             */
                            to: string;
                        }[];
                        forbiddenZones?: {
                            /** @description Vehicles with one of these features may cross it (e.g. low_emission_zone) */
                            allowedFeatures?: string[];
                            name: string;
                            /** @description Corners of the polygon (longitude, latitude), in order */
                            polygon: {
                                lat: number;
                                lon: number;
                            }[];
                        }[];
                        objective?: {
                            /**
                             * @description `hierarchical`: fewest vehicles first, then the weighted cost; `weighted`: the weighted sum only (a vehicle counts through its fixed cost and the `vehicles` weight)
                             * @default hierarchical
                             * @enum {string}
                             */
                            mode: "hierarchical" | "weighted";
                            weights?: {
                                /** @description Per kg of CO2 (default 0) */
                                co2?: number;
                                /** @description Per unit of distance cost (default 1) */
                                distance?: number;
                                /** @description Per unit of risk (default 0) */
                                risk?: number;
                                /** @description Per unit of time cost (default 0) */
                                time?: number;
                                /** @description Per vehicle used (default 0) */
                                vehicles?: number;
                            };
                        };
                        /** @description Customer orders to route (default: every confirmed or allocated one requested for the day from the depots) */
                        orderIds?: string[];
                        riskZones?: {
                            name: string;
                            /** @description Corners of the polygon (longitude, latitude), in order */
                            polygon: {
                                lat: number;
                                lon: number;
                            }[];
                            riskPerKm: number;
                        }[];
                        /**
                         * @description Same seed, same search
                         * @default 1
                         */
                        seed?: number;
                        /**
                         * @description Average road speed
                         * @default 50
                         */
                        speedKmh?: number;
                        /**
                         * @description Search time, 1 … 300 s (the first plan is built in any case)
                         * @default 10
                         */
                        timeLimitSeconds?: number;
                        /** @description Vehicles to use (default: the available vehicles based at the depots) */
                        vehicleIds?: string[];
                        /**
                         * Format: uuid
                         * @description The depot (default: every warehouse with an available vehicle)
                         */
                        warehouseId?: string;
                    };
                    /** @description Which SKU × warehouse series (every one when empty) */
                    scope?: {
                        categories?: string[];
                        /** @description SKUs (all when absent) */
                        skus?: string[];
                        warehouseIds?: string[];
                    };
                    /** @enum {string} */
                    type: "replenishment" | "routing";
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyFrontendDecisionStarted"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyFrontendDecisionInsights: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyFrontendInsights"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyFrontendEntities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyFrontendEntities"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyFrontendSimulationResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyFrontendSimulationResults"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    importSupplyClients: {
        parameters: {
            query?: {
                /** @description How dates are written (default YYYY-MM-DD) */
                dateFormat?: "YYYY-MM-DD" | "YYYY/MM/DD" | "DD.MM.YYYY" | "DD.MM.YY" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD/MM/YY" | "MM/DD/YY" | "DD-MM-YYYY" | "MM-DD-YYYY" | "DD-MON-YYYY" | "DD-MON-YY" | "YYYYMMDD" | "excel";
                decimal?: "." | ",";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        columns: {
                            /** @description Columns that map to no field */
                            ignored: string[];
                            /** @description Field → the column it was read from */
                            mapped: {
                                [key: string]: string;
                            };
                        };
                        /** @description Rows (orders: orders) created */
                        created: number;
                        /** @description The first 200 refusals, by row */
                        errors: {
                            column: string;
                            message: string;
                            /** @description Line of the file */
                            row: number;
                        }[];
                        kind: string;
                        /** @description Rows refused */
                        rejected: number;
                        /** @description Data rows read */
                        rows: number;
                        /** @description Existing rows updated (same code, name or warehouse and SKU) */
                        updated: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    importSupplyDemand: {
        parameters: {
            query?: {
                /** @description How dates are written (default YYYY-MM-DD) */
                dateFormat?: "YYYY-MM-DD" | "YYYY/MM/DD" | "DD.MM.YYYY" | "DD.MM.YY" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD/MM/YY" | "MM/DD/YY" | "DD-MM-YYYY" | "MM-DD-YYYY" | "DD-MON-YYYY" | "DD-MON-YY" | "YYYYMMDD" | "excel";
                decimal?: "." | ",";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Size of the stored file */
                        bytes: number;
                        /** Format: uuid */
                        jobId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    importSupplyInventory: {
        parameters: {
            query?: {
                /** @description How dates are written (default YYYY-MM-DD) */
                dateFormat?: "YYYY-MM-DD" | "YYYY/MM/DD" | "DD.MM.YYYY" | "DD.MM.YY" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD/MM/YY" | "MM/DD/YY" | "DD-MM-YYYY" | "MM-DD-YYYY" | "DD-MON-YYYY" | "DD-MON-YY" | "YYYYMMDD" | "excel";
                decimal?: "." | ",";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        columns: {
                            /** @description Columns that map to no field */
                            ignored: string[];
                            /** @description Field → the column it was read from */
                            mapped: {
                                [key: string]: string;
                            };
                        };
                        /** @description Rows (orders: orders) created */
                        created: number;
                        /** @description The first 200 refusals, by row */
                        errors: {
                            column: string;
                            message: string;
                            /** @description Line of the file */
                            row: number;
                        }[];
                        kind: string;
                        /** @description Rows refused */
                        rejected: number;
                        /** @description Data rows read */
                        rows: number;
                        /** @description Existing rows updated (same code, name or warehouse and SKU) */
                        updated: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    importSupplyOrders: {
        parameters: {
            query?: {
                /** @description How dates are written (default YYYY-MM-DD) */
                dateFormat?: "YYYY-MM-DD" | "YYYY/MM/DD" | "DD.MM.YYYY" | "DD.MM.YY" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD/MM/YY" | "MM/DD/YY" | "DD-MM-YYYY" | "MM-DD-YYYY" | "DD-MON-YYYY" | "DD-MON-YY" | "YYYYMMDD" | "excel";
                decimal?: "." | ",";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        columns: {
                            /** @description Columns that map to no field */
                            ignored: string[];
                            /** @description Field → the column it was read from */
                            mapped: {
                                [key: string]: string;
                            };
                        };
                        /** @description Rows (orders: orders) created */
                        created: number;
                        /** @description The first 200 refusals, by row */
                        errors: {
                            column: string;
                            message: string;
                            /** @description Line of the file */
                            row: number;
                        }[];
                        kind: string;
                        /** @description Rows refused */
                        rejected: number;
                        /** @description Data rows read */
                        rows: number;
                        /** @description Existing rows updated (same code, name or warehouse and SKU) */
                        updated: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    importSupplyVehicles: {
        parameters: {
            query?: {
                /** @description How dates are written (default YYYY-MM-DD) */
                dateFormat?: "YYYY-MM-DD" | "YYYY/MM/DD" | "DD.MM.YYYY" | "DD.MM.YY" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD/MM/YY" | "MM/DD/YY" | "DD-MM-YYYY" | "MM-DD-YYYY" | "DD-MON-YYYY" | "DD-MON-YY" | "YYYYMMDD" | "excel";
                decimal?: "." | ",";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        columns: {
                            /** @description Columns that map to no field */
                            ignored: string[];
                            /** @description Field → the column it was read from */
                            mapped: {
                                [key: string]: string;
                            };
                        };
                        /** @description Rows (orders: orders) created */
                        created: number;
                        /** @description The first 200 refusals, by row */
                        errors: {
                            column: string;
                            message: string;
                            /** @description Line of the file */
                            row: number;
                        }[];
                        kind: string;
                        /** @description Rows refused */
                        rejected: number;
                        /** @description Data rows read */
                        rows: number;
                        /** @description Existing rows updated (same code, name or warehouse and SKU) */
                        updated: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    importSupplyWarehouses: {
        parameters: {
            query?: {
                /** @description How dates are written (default YYYY-MM-DD) */
                dateFormat?: "YYYY-MM-DD" | "YYYY/MM/DD" | "DD.MM.YYYY" | "DD.MM.YY" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD/MM/YY" | "MM/DD/YY" | "DD-MM-YYYY" | "MM-DD-YYYY" | "DD-MON-YYYY" | "DD-MON-YY" | "YYYYMMDD" | "excel";
                decimal?: "." | ",";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        columns: {
                            /** @description Columns that map to no field */
                            ignored: string[];
                            /** @description Field → the column it was read from */
                            mapped: {
                                [key: string]: string;
                            };
                        };
                        /** @description Rows (orders: orders) created */
                        created: number;
                        /** @description The first 200 refusals, by row */
                        errors: {
                            column: string;
                            message: string;
                            /** @description Line of the file */
                            row: number;
                        }[];
                        kind: string;
                        /** @description Rows refused */
                        rejected: number;
                        /** @description Data rows read */
                        rows: number;
                        /** @description Existing rows updated (same code, name or warehouse and SKU) */
                        updated: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyMetrics: {
        parameters: {
            query?: {
                /** @description Days on or after */
                from?: string;
                /** @description A KPI: fill_rate, otif, cost_per_order, inventory_turns, co2_per_delivery, vehicle_utilisation, stock_outs, or a custom name (lower-case letters, digits, underscores) */
                kpi?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                source?: "rollup" | "external";
                /** @description Days on or before */
                to?: string;
                warehouseId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyMetricPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    recordSupplyMetric: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description The day the figure is for (not after today, UTC)
                     */
                    day: string;
                    /** @description Tags or the figures behind the value (at most 20; names are letters, digits, underscores). Numeric `numerator` and `denominator` make periods combine as a ratio of sums */
                    dimensions?: {
                        [key: string]: string | number | boolean;
                    };
                    /** @description A KPI: fill_rate, otif, cost_per_order, inventory_turns, co2_per_delivery, vehicle_utilisation, stock_outs, or a custom name (lower-case letters, digits, underscores) */
                    kpi: string;
                    note?: string;
                    /** @description Default: the KPI's own unit */
                    unit?: string;
                    /** @description Ratios (fill rate, OTIF, utilisation) are 0 … 1 */
                    value: number;
                    /** Format: uuid */
                    warehouseId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyMetric"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyMetric: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyMetric"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyAnomalies: {
        parameters: {
            query?: {
                /** @description Calendar day YYYY-MM-DD */
                from?: string;
                kind?: "order_quantity" | "delivery_delay" | "delivery_cost";
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                orderId?: string;
                status?: "open" | "dismissed";
                /** @description Calendar day YYYY-MM-DD */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyAnomalyPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyAnomaly: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyAnomaly"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    dismissSupplyAnomaly: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyAnomaly"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyKpiDashboard: {
        parameters: {
            query?: {
                /** @description Length of the current period */
                days?: number;
                /** @description Last day of the period (default: yesterday, UTC) */
                to?: string;
                warehouseId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyKpiDashboard"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyKpiReport: {
        parameters: {
            query?: {
                /** @description Weeks start on Monday */
                bucket?: "day" | "week" | "month";
                /** @description First day (default: 89 days before `to`) */
                from?: string;
                source?: "rollup" | "external";
                /** @description Last day (default: yesterday, UTC) */
                to?: string;
                /** @description One warehouse's figures (default: the whole tenant's) */
                warehouseId?: string;
            };
            header?: never;
            path: {
                /** @description A KPI: fill_rate, otif, cost_per_order, inventory_turns, co2_per_delivery, vehicle_utilisation, stock_outs, or a custom name (lower-case letters, digits, underscores) */
                kpiName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyKpiReport"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rollUpSupplyKpis: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description First day to recompute (default: after the last rolled-up day)
                     */
                    from?: string;
                    /**
                     * Format: date
                     * @description Last day (default yesterday; today is recomputed again tomorrow)
                     */
                    through?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        jobId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyKpiTargets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyKpiTargets"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    setSupplyKpiTargets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    targets: {
                        /** @description CO₂ per delivery (kg); null: back to the default 8 */
                        co2_per_delivery?: number | null;
                        /** @description Cost per order (money); null: back to the default 45 */
                        cost_per_order?: number | null;
                        /** @description Fill rate (ratio); null: back to the default 0.98 */
                        fill_rate?: number | null;
                        /** @description Inventory turns (per_year); null: back to the default 8 */
                        inventory_turns?: number | null;
                        /** @description On time in full (ratio); null: back to the default 0.95 */
                        otif?: number | null;
                        /** @description Stock-outs (count); null: back to the default 0 */
                        stock_outs?: number | null;
                        /** @description Vehicle utilisation (ratio); null: back to the default 0.75 */
                        vehicle_utilisation?: number | null;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyKpiTargets"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyModels: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                name?: string;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyModelPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    trainSupplyModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        jobId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyModel"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    promoteSupplyModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                    scope?: string;
                    /** @enum {string} */
                    stage: "production" | "staging";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyDeployment"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplySimulations: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: "queued" | "running" | "completed" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplySimulationPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplySimulation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplySimulation"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    generateSupplyScenarioSet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Days simulated
                     * @default 30
                     */
                    horizonDays?: number;
                    name: string;
                    /**
                     * @description Replications whose events are listed
                     * @default 5
                     */
                    previews?: number;
                    /** @description Scenario kinds with their parameters (absent: none of that kind) */
                    scenario: {
                        demandShocks?: {
                            durationDays: number;
                            /** @description Demand is multiplied by this */
                            multiplier: number;
                            /** @description Chance a shock starts on a day (per SKU, warehouse or network) */
                            probabilityPerDay: number;
                            /**
                             * @description What one shock hits (default sku)
                             * @enum {string}
                             */
                            scope?: "sku" | "warehouse" | "network";
                        };
                        leadTimeNoise?: {
                            /** @description Extra coefficient of variation of lead times */
                            cv: number;
                        };
                        travelDelays?: {
                            /** @description Median travel-time factor on a delayed day */
                            multiplier: number;
                            /** @description Chance of a delayed day per warehouse */
                            probabilityPerDay: number;
                            /** @description Log-normal spread of that factor */
                            spread: number;
                        };
                        vehicleBreakdowns?: {
                            /** @description Chance a vehicle in service breaks down on a day */
                            probabilityPerVehicleDay: number;
                            repairDays: number;
                        };
                    };
                    /** @description Same seed, same results */
                    seed: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyScenarioSet"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    runSupplySimulation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Days simulated */
                    horizonDays?: number;
                    name: string;
                    /** @description Compared policies; the first is the baseline (default: current, recommended) */
                    policies?: (("current" | "recommended") | {
                        /** @enum {string} */
                        base: "current" | "recommended";
                        label?: string;
                        orderQuantityMultiplier?: number;
                        /** @enum {string} */
                        policy?: "sQ" | "RS";
                        reorderPointMultiplier?: number;
                        reviewPeriodDays?: number;
                        /** @enum {string} */
                        serviceKind?: "cycle" | "fill_rate";
                        serviceLevel?: number;
                    })[];
                    /** @default 200 */
                    replications?: number;
                    /** @description Scenario kinds with their parameters (absent: none of that kind) */
                    scenario?: {
                        demandShocks?: {
                            durationDays: number;
                            /** @description Demand is multiplied by this */
                            multiplier: number;
                            /** @description Chance a shock starts on a day (per SKU, warehouse or network) */
                            probabilityPerDay: number;
                            /**
                             * @description What one shock hits (default sku)
                             * @enum {string}
                             */
                            scope?: "sku" | "warehouse" | "network";
                        };
                        leadTimeNoise?: {
                            /** @description Extra coefficient of variation of lead times */
                            cv: number;
                        };
                        travelDelays?: {
                            /** @description Median travel-time factor on a delayed day */
                            multiplier: number;
                            /** @description Chance of a delayed day per warehouse */
                            probabilityPerDay: number;
                            /** @description Log-normal spread of that factor */
                            spread: number;
                        };
                        vehicleBreakdowns?: {
                            /** @description Chance a vehicle in service breaks down on a day */
                            probabilityPerVehicleDay: number;
                            repairDays: number;
                        };
                    };
                    /**
                     * Format: uuid
                     * @description Replay this scenario set's events (and seed)
                     */
                    scenarioSetId?: string;
                    scope?: {
                        categories?: string[];
                        /**
                         * @description At most this many SKU × warehouse items
                         * @default 1000
                         */
                        limit?: number;
                        /** @description SKUs (all when absent) */
                        skus?: string[];
                        warehouseIds?: string[];
                    };
                    /** @description Same seed, same results */
                    seed?: number;
                    /**
                     * @description Cost of a unit of lost sales, as a fraction of its unit cost
                     * @default 1
                     */
                    shortageCostRate?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplySimulation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSupplyScenarioSets: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyScenarioSetPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSupplyScenarioSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyScenarioSet"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                role?: "admin" | "analyst" | "operator" | "viewer";
                /** @description Matches email or name */
                search?: string;
                status?: "active" | "inactive" | "invited";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    inviteUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    role: "admin" | "analyst" | "operator" | "viewer";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberCreated"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    role?: "admin" | "analyst" | "operator" | "viewer";
                    status?: "active" | "inactive";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reissueInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    writeLineProtocolV2: {
        parameters: {
            query?: {
                /** @description Accepted and ignored: the API key names the tenant */
                bucket?: string;
                org?: string;
                orgID?: string;
                precision?: "ns" | "us" | "ms" | "s";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every reading was written */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfluxError"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfluxError"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfluxError"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfluxError"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfluxError"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    writeLineProtocolV1: {
        parameters: {
            query?: {
                consistency?: "any" | "one" | "quorum" | "all";
                /** @description Accepted and ignored: the API key names the tenant */
                db?: string;
                /** @description An API key, when no Authorization header is sent */
                p?: string;
                precision?: "n" | "ns" | "u" | "us" | "ms" | "s" | "m" | "h";
                /** @description Accepted and ignored */
                rp?: string;
                /** @description Accepted and ignored */
                u?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every reading was written */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfluxError"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfluxError"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfluxError"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfluxError"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfluxError"];
                };
            };
        };
    };
}
