// Public entry of the Kafka simulation engine (composed from the mechanism folders).
export { murmur2, toPositive, partitionForKey, tryPartitionForKey, serializeString, serializeInteger } from "./partitioner/murmur2";
