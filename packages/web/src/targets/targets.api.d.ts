import type { carryForwardResultSchema, channelSchema, chinaMapSchema, FunnelView, quarterDiffSchema, quarterStateSchema, targetDetailSchema, TargetView, wenzhouMapSchema } from '@pgs/domain';
import type { Page } from '../api/contract.ts';
type Out<S extends {
    _output: unknown;
}> = S['_output'];
export type TargetDetail = Out<typeof targetDetailSchema>;
export type QuarterState = Out<typeof quarterStateSchema>;
export type QuarterDiff = Out<typeof quarterDiffSchema>;
export type CarryForwardResult = Out<typeof carryForwardResultSchema>;
export type Channel = Out<typeof channelSchema>;
export type ChinaMap = Out<typeof chinaMapSchema>;
export type WenzhouMap = Out<typeof wenzhouMapSchema>;
export type { TargetView, FunnelView };
export type TargetFilters = {
    platformKey?: string;
    quarter?: string;
    tier?: string;
    type?: string;
    status?: string;
    channelId?: number;
    hqProvince?: string;
    hqCity?: string;
    focus?: 'true' | 'false';
    q?: string;
    /** The list only (not the export): tier order, see the domain's TIER_ORDER. */
    sort?: 'tier' | 'tier_reverse';
};
export declare const targetKeys: {
    all: readonly ["targets"];
    list: (filters: TargetFilters, page: number, pageSize: number) => readonly ["targets", "list", TargetFilters, number, number];
    detail: (id: number) => readonly ["targets", "detail", number];
    quarters: (platformKey: string) => readonly ["targets", "quarters", string];
    diff: (platformKey: string, quarter: string) => readonly ["targets", "diff", string, string];
    funnel: (query: Record<string, unknown>) => readonly ["targets", "funnel", Record<string, unknown>];
    channels: (platformKey?: string) => readonly ["targets", "channels", string];
};
export declare function useTargets(filters: TargetFilters, page: number, pageSize: number, enabled?: boolean): import("@tanstack/react-query").UseQueryResult<Page<{
    id: number;
    lineageId: number;
    platformKey: string;
    quarter: string;
    name: string;
    creditCode: string | null;
    types: string[];
    hqProvince: string;
    hqCity: string;
    focusRegion: boolean;
    industryCode: string;
    industryName: string | null;
    category: string;
    catalogVersion: string | null;
    expectedInvestment: string;
    tier: "5亿" | "20亿" | "50亿" | null;
    plan: {
        path: string;
        planning: string;
        strategy: string;
        tactics: string;
    };
    owner: string;
    status: "reported" | "negotiating" | "contact" | "lead" | "dropped";
    statusReason: string | null;
    reason: string | null;
    channelId: number | null;
    channelName: string | null;
    projectId: number | null;
    identifiedOn: string;
    contactedOn: string | null;
    carriedFromId: number | null;
    quarterClosed: boolean;
    version: number;
    createdAt: string;
    updatedAt: string;
}>, Error>;
export declare function useTarget(id: number): import("@tanstack/react-query").UseQueryResult<{
    id: number;
    lineageId: number;
    platformKey: string;
    quarter: string;
    name: string;
    creditCode: string | null;
    types: string[];
    hqProvince: string;
    hqCity: string;
    focusRegion: boolean;
    industryCode: string;
    industryName: string | null;
    category: string;
    catalogVersion: string | null;
    expectedInvestment: string;
    tier: "5亿" | "20亿" | "50亿" | null;
    plan: {
        path: string;
        planning: string;
        strategy: string;
        tactics: string;
    };
    owner: string;
    status: "reported" | "negotiating" | "contact" | "lead" | "dropped";
    statusReason: string | null;
    reason: string | null;
    channelId: number | null;
    channelName: string | null;
    projectId: number | null;
    identifiedOn: string;
    contactedOn: string | null;
    carriedFromId: number | null;
    quarterClosed: boolean;
    version: number;
    createdAt: string;
    updatedAt: string;
    history: {
        id: number;
        quarter: string;
        kind: string;
        fromStatus: string | null;
        toStatus: string | null;
        reason: string | null;
        details: unknown;
        at: string;
        actorName: string;
    }[];
    quarters: {
        id: number;
        quarter: string;
        status: "reported" | "negotiating" | "contact" | "lead" | "dropped";
        tier: string | null;
    }[];
    project: {
        id: number;
        name: string;
        status: string;
        reportedOn: string;
        landedOn: string | null;
        linkedBy: "creditCode" | "user";
    } | null;
    trips: {
        tripId: number;
        targetId: number;
        startOn: string;
        endOn: string;
        province: string;
        city: string;
    }[];
}, Error>;
export declare function useQuarters(platformKey: string | undefined): import("@tanstack/react-query").UseQueryResult<{
    platformKey: string;
    quarter: string;
    targets: number;
    closed: boolean;
    closedAt: string | null;
    closedBy: string | null;
    carriedFrom: string | null;
    carriedAt: string | null;
}[], Error>;
export declare function useQuarterDiff(platformKey: string | undefined, quarter: string | undefined): import("@tanstack/react-query").UseQueryResult<{
    platformKey: string;
    quarter: string;
    previousQuarter: string;
    added: {
        id: number;
        lineageId: number;
        name: string;
        status: string;
        tier: string | null;
    }[];
    dropped: {
        row: {
            id: number;
            lineageId: number;
            name: string;
            status: string;
            tier: string | null;
        };
        reason: string;
    }[];
    moved: {
        row: {
            id: number;
            lineageId: number;
            name: string;
            status: string;
            tier: string | null;
        };
        from: {
            status: string;
            tier: string | null;
        };
        to: {
            status: string;
            tier: string | null;
        };
    }[];
    unchanged: number;
}, Error>;
export declare function useChannels(platformKey?: string): import("@tanstack/react-query").UseQueryResult<Page<{
    id: number;
    platformKey: string;
    kind: "investor" | "consulting" | "accounting" | "law" | "entrepreneur" | "chamber" | "other";
    name: string;
    broughtBy: string | null;
    contact: string | null;
    note: string | null;
    contracts: {
        id: number;
        startOn: string;
        endOn: string;
        scope: string;
        feeTerms: string;
    }[];
    leads: number;
    reported: number;
    landed: number;
    version: number;
}>, Error>;
export type FunnelQuery = {
    platformKey?: string;
    quarter?: string;
    year?: number;
    groupBy: string;
};
export declare function useFunnel(query: FunnelQuery): import("@tanstack/react-query").UseQueryResult<{
    groupBy: "type" | "platform" | "quarter" | "tier" | "channel";
    rows: {
        targets: number;
        contacted: number;
        reported: number;
        landed: number;
        rates: {
            contact: number | null;
            report: number | null;
            land: number | null;
            overall: number | null;
        };
        medianDays: {
            toContact: number | null;
            toReport: number | null;
            toLand: number | null;
        };
        key: string;
        label: string;
    }[];
    total: {
        targets: number;
        contacted: number;
        reported: number;
        landed: number;
        rates: {
            contact: number | null;
            report: number | null;
            land: number | null;
            overall: number | null;
        };
        medianDays: {
            toContact: number | null;
            toReport: number | null;
            toLand: number | null;
        };
    };
}, Error>;
export declare function useChinaMap(query: {
    platformKey?: string;
    quarter?: string;
}): import("@tanstack/react-query").UseQueryResult<{
    quarter: string | null;
    provinces: {
        province: string;
        mapName: string;
        count: number;
        tiers: {
            '5\u4EBF': number;
            '20\u4EBF': number;
            '50\u4EBF': number;
            none: number;
        };
        focus: boolean;
    }[];
    cities: {
        province: string;
        city: string;
        count: number;
        tiers: {
            '5\u4EBF': number;
            '20\u4EBF': number;
            '50\u4EBF': number;
            none: number;
        };
        focus: boolean;
    }[];
}, Error>;
export declare function useWenzhouMap(): import("@tanstack/react-query").UseQueryResult<{
    platforms: {
        platformKey: string;
        name: string;
        district: string;
        point: [number, number];
        stages: {
            status: string;
            count: number;
        }[];
        projects: number;
        parcels: number;
        unlocatedParcels: number;
    }[];
    parcels: {
        asOf: string;
        withinDays: number;
        points: {
            id: number;
            code: string;
            platformKey: string;
            point: [number, number];
            area: string;
            state: "vacated" | "supplied" | "started" | "reused" | "recovered" | "completed" | "approved";
            idle: "idle" | "normal" | "recovery";
            due: "upcoming" | "past" | null;
        }[];
        unlocated: number;
    };
}, Error>;
export declare const saveTarget: (id: number | null, body: Record<string, unknown>) => Promise<{
    id: number;
    lineageId: number;
    platformKey: string;
    quarter: string;
    name: string;
    creditCode: string | null;
    types: string[];
    hqProvince: string;
    hqCity: string;
    focusRegion: boolean;
    industryCode: string;
    industryName: string | null;
    category: string;
    catalogVersion: string | null;
    expectedInvestment: string;
    tier: "5亿" | "20亿" | "50亿" | null;
    plan: {
        path: string;
        planning: string;
        strategy: string;
        tactics: string;
    };
    owner: string;
    status: "reported" | "negotiating" | "contact" | "lead" | "dropped";
    statusReason: string | null;
    reason: string | null;
    channelId: number | null;
    channelName: string | null;
    projectId: number | null;
    identifiedOn: string;
    contactedOn: string | null;
    carriedFromId: number | null;
    quarterClosed: boolean;
    version: number;
    createdAt: string;
    updatedAt: string;
    history: {
        id: number;
        quarter: string;
        kind: string;
        fromStatus: string | null;
        toStatus: string | null;
        reason: string | null;
        details: unknown;
        at: string;
        actorName: string;
    }[];
    quarters: {
        id: number;
        quarter: string;
        status: "reported" | "negotiating" | "contact" | "lead" | "dropped";
        tier: string | null;
    }[];
    project: {
        id: number;
        name: string;
        status: string;
        reportedOn: string;
        landedOn: string | null;
        linkedBy: "creditCode" | "user";
    } | null;
    trips: {
        tripId: number;
        targetId: number;
        startOn: string;
        endOn: string;
        province: string;
        city: string;
    }[];
}>;
export declare const linkProject: (id: number, projectId: number | null, version: number) => Promise<{
    id: number;
    lineageId: number;
    platformKey: string;
    quarter: string;
    name: string;
    creditCode: string | null;
    types: string[];
    hqProvince: string;
    hqCity: string;
    focusRegion: boolean;
    industryCode: string;
    industryName: string | null;
    category: string;
    catalogVersion: string | null;
    expectedInvestment: string;
    tier: "5亿" | "20亿" | "50亿" | null;
    plan: {
        path: string;
        planning: string;
        strategy: string;
        tactics: string;
    };
    owner: string;
    status: "reported" | "negotiating" | "contact" | "lead" | "dropped";
    statusReason: string | null;
    reason: string | null;
    channelId: number | null;
    channelName: string | null;
    projectId: number | null;
    identifiedOn: string;
    contactedOn: string | null;
    carriedFromId: number | null;
    quarterClosed: boolean;
    version: number;
    createdAt: string;
    updatedAt: string;
    history: {
        id: number;
        quarter: string;
        kind: string;
        fromStatus: string | null;
        toStatus: string | null;
        reason: string | null;
        details: unknown;
        at: string;
        actorName: string;
    }[];
    quarters: {
        id: number;
        quarter: string;
        status: "reported" | "negotiating" | "contact" | "lead" | "dropped";
        tier: string | null;
    }[];
    project: {
        id: number;
        name: string;
        status: string;
        reportedOn: string;
        landedOn: string | null;
        linkedBy: "creditCode" | "user";
    } | null;
    trips: {
        tripId: number;
        targetId: number;
        startOn: string;
        endOn: string;
        province: string;
        city: string;
    }[];
}>;
export declare const carryForward: (body: {
    platformKey: string;
    quarter: string;
    drops: Array<{
        lineageId: number;
        reason: string;
    }>;
}) => Promise<{
    quarter: string;
    carried: number;
    diff: {
        platformKey: string;
        quarter: string;
        previousQuarter: string;
        added: {
            id: number;
            lineageId: number;
            name: string;
            status: string;
            tier: string | null;
        }[];
        dropped: {
            row: {
                id: number;
                lineageId: number;
                name: string;
                status: string;
                tier: string | null;
            };
            reason: string;
        }[];
        moved: {
            row: {
                id: number;
                lineageId: number;
                name: string;
                status: string;
                tier: string | null;
            };
            from: {
                status: string;
                tier: string | null;
            };
            to: {
                status: string;
                tier: string | null;
            };
        }[];
        unchanged: number;
    };
}>;
export declare const closeQuarter: (platformKey: string, quarter: string) => Promise<{
    platformKey: string;
    quarter: string;
    targets: number;
    closed: boolean;
    closedAt: string | null;
    closedBy: string | null;
    carriedFrom: string | null;
    carriedAt: string | null;
}>;
export declare const saveChannel: (id: number | null, body: Record<string, unknown>) => Promise<{
    id: number;
    platformKey: string;
    kind: "investor" | "consulting" | "accounting" | "law" | "entrepreneur" | "chamber" | "other";
    name: string;
    broughtBy: string | null;
    contact: string | null;
    note: string | null;
    contracts: {
        id: number;
        startOn: string;
        endOn: string;
        scope: string;
        feeTerms: string;
    }[];
    leads: number;
    reported: number;
    landed: number;
    version: number;
}>;
export declare const addContract: (id: number, body: Record<string, unknown>) => Promise<{
    id: number;
    platformKey: string;
    kind: "investor" | "consulting" | "accounting" | "law" | "entrepreneur" | "chamber" | "other";
    name: string;
    broughtBy: string | null;
    contact: string | null;
    note: string | null;
    contracts: {
        id: number;
        startOn: string;
        endOn: string;
        scope: string;
        feeTerms: string;
    }[];
    leads: number;
    reported: number;
    landed: number;
    version: number;
}>;
export declare const exportTargets: (filters: TargetFilters) => Promise<void>;
export declare const exportFunnel: (query: FunnelQuery) => Promise<void>;
export declare const exportChannels: (platformKey?: string) => Promise<void>;
