"use client";

/**
 * The simulators as lazy client islands: each one's code (and the engine parts it imports) loads
 * only on a page that uses it, after the page itself. Each sits in a box of its usual height
 * (measured at 412 px and 1280 px wide), so nothing below it moves when it appears (CLS).
 */
import dynamic from "next/dynamic";
import { WidgetPlaceholder } from "./sim/placeholder";

function Reserve({ className, children }: { className: string; children: React.ReactNode }) {
  return <div className={`${className} [&>section]:my-8`}>{children}</div>;
}

const KeyPartitionerLazy = dynamic(() => import("./key-partitioner").then((m) => m.KeyPartitioner), {
  ssr: false,
  loading: () => <WidgetPlaceholder title="키 파티셔너 실습" />,
});
/** Lazy `KeyPartitioner` (chapter 1). */
export function KeyPartitioner(props: React.ComponentProps<typeof KeyPartitionerLazy>) {
  return (
    <Reserve className="min-h-[67.5rem] sm:min-h-[62rem]">
      <KeyPartitionerLazy {...props} />
    </Reserve>
  );
}

const NullKeyPartitionerLazy = dynamic(() => import("./null-key-partitioner").then((m) => m.NullKeyPartitioner), {
  ssr: false,
  loading: () => <WidgetPlaceholder title="null 키 파티셔너 실습" />,
});
/** Lazy `NullKeyPartitioner` (chapter 1). */
export function NullKeyPartitioner(props: React.ComponentProps<typeof NullKeyPartitionerLazy>) {
  return (
    <Reserve className="min-h-[72rem] sm:min-h-[66rem]">
      <NullKeyPartitionerLazy {...props} />
    </Reserve>
  );
}

const SegmentRetentionLazy = dynamic(() => import("./segment-retention").then((m) => m.SegmentRetention), {
  ssr: false,
  loading: () => <WidgetPlaceholder title="세그먼트와 보존 실습" />,
});
/** Lazy `SegmentRetention` (chapter 3). */
export function SegmentRetention(props: React.ComponentProps<typeof SegmentRetentionLazy>) {
  return (
    <Reserve className="min-h-[76rem] sm:min-h-[60rem]">
      <SegmentRetentionLazy {...props} />
    </Reserve>
  );
}

const ReplicationLabLazy = dynamic(() => import("./replication-lab").then((m) => m.ReplicationLab), {
  ssr: false,
  loading: () => <WidgetPlaceholder title="복제와 ISR 실습" />,
});
/** Lazy `ReplicationLab` (chapter 4). */
export function ReplicationLab(props: React.ComponentProps<typeof ReplicationLabLazy>) {
  return (
    <Reserve className="min-h-[79.5rem] sm:min-h-[71rem]">
      <ReplicationLabLazy {...props} />
    </Reserve>
  );
}

const ConsumerGroupLabLazy = dynamic(() => import("./consumer-group-lab").then((m) => m.ConsumerGroupLab), {
  ssr: false,
  loading: () => <WidgetPlaceholder title="컨슈머 그룹 실습" />,
});
/** Lazy `ConsumerGroupLab` (chapter 5). */
export function ConsumerGroupLab(props: React.ComponentProps<typeof ConsumerGroupLabLazy>) {
  return (
    <Reserve className="min-h-[89.5rem] sm:min-h-[76.5rem]">
      <ConsumerGroupLabLazy {...props} />
    </Reserve>
  );
}

const TopicNameCheckerLazy = dynamic(() => import("./topic-name-checker").then((m) => m.TopicNameChecker), {
  ssr: false,
  loading: () => <WidgetPlaceholder title="토픽 이름 검사기" />,
});
/** Lazy `TopicNameChecker` (chapter 5). */
export function TopicNameChecker(props: React.ComponentProps<typeof TopicNameCheckerLazy>) {
  return (
    <Reserve className="min-h-[45rem] sm:min-h-[39rem]">
      <TopicNameCheckerLazy {...props} />
    </Reserve>
  );
}

const RecordInspectorLazy = dynamic(() => import("./record-inspector").then((m) => m.RecordInspector), {
  ssr: false,
  loading: () => <WidgetPlaceholder title="레코드 배치 실습" />,
});
/** Lazy `RecordInspector` (chapter 6). */
export function RecordInspector(props: React.ComponentProps<typeof RecordInspectorLazy>) {
  return (
    <Reserve className="min-h-[150rem] sm:min-h-[140rem]">
      <RecordInspectorLazy {...props} />
    </Reserve>
  );
}

const ClusterLabLazy = dynamic(() => import("./cluster-lab").then((m) => m.ClusterLab), {
  ssr: false,
  loading: () => <WidgetPlaceholder title="브로커와 컨트롤러 실습" />,
});
/** Lazy `ClusterLab` (chapter 2). */
export function ClusterLab(props: React.ComponentProps<typeof ClusterLabLazy>) {
  return (
    <Reserve className="min-h-[75.5rem] sm:min-h-[77rem]">
      <ClusterLabLazy {...props} />
    </Reserve>
  );
}

const CompactionLabLazy = dynamic(() => import("./compaction-lab").then((m) => m.CompactionLab), {
  ssr: false,
  loading: () => <WidgetPlaceholder title="로그 컴팩션 실습" />,
});
/** Lazy `CompactionLab` (chapter 3). */
export function CompactionLab(props: React.ComponentProps<typeof CompactionLabLazy>) {
  return (
    <Reserve className="min-h-[91rem] sm:min-h-[75.5rem]">
      <CompactionLabLazy {...props} />
    </Reserve>
  );
}

const MetadataLabLazy = dynamic(() => import("./metadata-lab").then((m) => m.MetadataLab), {
  ssr: false,
  loading: () => <WidgetPlaceholder title="메타데이터 실습" />,
});
/** Lazy `MetadataLab` (chapter 6). */
export function MetadataLab(props: React.ComponentProps<typeof MetadataLabLazy>) {
  return (
    <Reserve className="min-h-[67rem] sm:min-h-[61.5rem]">
      <MetadataLabLazy {...props} />
    </Reserve>
  );
}

const DeliveryLabLazy = dynamic(() => import("./delivery-lab").then((m) => m.DeliveryLab), {
  ssr: false,
  loading: () => <WidgetPlaceholder title="전달 보장 실습" />,
});
/** Lazy `DeliveryLab` (delivery-guarantees chapter), with the commit-order comparison below it (heights from `bench/widget-frames.mts --heights`). */
export function DeliveryLab(props: React.ComponentProps<typeof DeliveryLabLazy>) {
  return (
    <Reserve className="min-h-[135rem] sm:min-h-[115.5rem]">
      <DeliveryLabLazy {...props} />
    </Reserve>
  );
}
