export default function Home() {
  return <main>Hookscope</main>;
}
