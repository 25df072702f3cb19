/** "1분 30초" for a simulated time in ms (widgets show sim time, never wall-clock time). */
export { formatSimTimeKo as formatSimTime } from "@/lib/kafka/views/time";
