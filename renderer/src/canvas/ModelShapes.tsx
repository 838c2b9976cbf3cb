import Konva from 'konva';
import { memo, useEffect, useMemo, useState } from 'react';
import { Circle, Ellipse, Group, Image as KonvaImage, Line, Rect, Text } from 'react-konva';
import type { ModelTemplate, Zone } from '../../../shared/domain';
import { ARROW_DART, type FigureGeometry, figureGeometry, LOOP_LABEL } from './figure-geometry';
import { LABEL, type LabelSize, labelLayout, labelPlacement, pictureBox } from './geometry';
import { type CanvasTheme, darken, FONT_STACK, withOpacity, zoneStroke } from './theme';

/** Words drawn on the figure that come from the language catalogue, not from the template. */
export interface FigureLabels {
  kenweg: string;
  keuzeweg: string;
}

/** Measures the wrapped label, so a label above its zone ends right at the edge and its backing fits the words. */
function measureLabel(name: string, question: string, width: number): LabelSize {
  const nameProbe = new Konva.Text({ text: name, width, fontFamily: FONT_STACK, fontSize: LABEL.nameSize, lineHeight: 1, fontStyle: 'bold', wrap: 'word' });
  const questionProbe = new Konva.Text({ text: question, width, fontFamily: FONT_STACK, fontSize: LABEL.questionSize, lineHeight: LABEL.questionLineHeight, wrap: 'word' });
  const size = {
    textWidth: Math.min(width, Math.max(nameProbe.getTextWidth(), question ? questionProbe.getTextWidth() : 0)),
    nameWidth: Math.min(width, nameProbe.getTextWidth()),
    nameHeight: nameProbe.height(),
    questionHeight: question ? questionProbe.height() : 0,
  };
  nameProbe.destroy();
  questionProbe.destroy();
  return size;
}

/** A side of the model: a soft ellipse in its colour. */
const ZoneArea = memo(function ZoneArea({ zone, theme, overPicture }: { zone: Zone; theme: CanvasTheme; overPicture: boolean }) {
  const { area } = zone;
  return (
    <Ellipse
      x={area.x}
      y={area.y}
      radiusX={area.rx}
      radiusY={area.ry}
      fill={withOpacity(zone.color, overPicture ? theme.zoneFillOpacity * 0.6 : theme.zoneFillOpacity)}
      stroke={zoneStroke(zone.color, theme)}
      strokeWidth={theme.zoneStrokeWidth}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});

/** A side's name and question just outside its ellipse, on paper, with its step number where the model is walked. */
const ZoneLabel = memo(function ZoneLabel({ zone, theme, step }: { zone: Zone; theme: CanvasTheme; step?: number }) {
  const width = labelPlacement(zone.area).width;
  const size = useMemo(() => measureLabel(zone.name, zone.question, width), [zone.name, zone.question, width]);
  const label = labelLayout(zone.area, size, step !== undefined);
  const { backing } = label;
  return (
    // Named so tests (and anyone inspecting the stage) can find each label's parts and measure them.
    <Group listening={false} name="zone-label" zoneId={zone.id}>
      {/* Paper behind the words, so the figure's line never runs through a zone's name. */}
      <Rect name="zone-label-backing" x={backing.x} y={backing.y} width={backing.width} height={backing.height} cornerRadius={LABEL.backingRadius} fill={theme.paper} opacity={0.92} />
      {step !== undefined && label.step && (
        <Group x={label.step.x} y={label.step.y}>
          <Circle radius={LABEL.stepRadius} fill={darken(zone.color, 0.25)} />
          <Text text={String(step)} x={-LABEL.stepRadius} y={-LABEL.stepRadius} width={LABEL.stepRadius * 2} height={LABEL.stepRadius * 2} align="center" verticalAlign="middle" fontFamily={FONT_STACK} fontSize={LABEL.stepSize} fontStyle="bold" fill="#FFFFFF" />
        </Group>
      )}
      <Text
        name="zone-label-name"
        x={label.nameX}
        y={label.nameTop}
        width={label.width}
        align="center"
        text={zone.name}
        fontFamily={FONT_STACK}
        fontSize={LABEL.nameSize}
        lineHeight={1}
        fontStyle="bold"
        fill={theme.ink}
        wrap="word"
      />
      <Text
        name="zone-label-question"
        x={label.questionX}
        y={label.questionTop}
        width={label.width}
        align="center"
        text={zone.question}
        fontFamily={FONT_STACK}
        fontSize={LABEL.questionSize}
        lineHeight={LABEL.questionLineHeight}
        fill={theme.softInk}
        wrap="word"
      />
    </Group>
  );
});

/** The ∞ line, with arrows where the model is walked in one direction, and the names of its loops. */
function Figure({ figure, theme, labels }: { figure: FigureGeometry; theme: CanvasTheme; labels: FigureLabels }) {
  return (
    <Group listening={false}>
      {/* A band of paper under the line, like a road on a map: the path stands clear of the zones' colour. */}
      <Line points={figure.points} closed stroke={theme.paper} strokeWidth={theme.figureWidth * 2.2} opacity={0.55} lineJoin="round" perfectDrawEnabled={false} />
      <Line points={figure.points} closed stroke={theme.figure} strokeWidth={theme.figureWidth} opacity={theme.figureOpacity} lineJoin="round" lineCap="round" perfectDrawEnabled={false} />
      {figure.arrows.map((arrow) => (
        <Line
          key={`${arrow.x}:${arrow.y}`}
          x={arrow.x}
          y={arrow.y}
          rotation={(arrow.angle * 180) / Math.PI}
          points={[...ARROW_DART]}
          closed
          fill={theme.figure}
          opacity={Math.min(1, theme.figureOpacity + 0.3)}
          perfectDrawEnabled={false}
        />
      ))}
      {figure.loopLabels.map((loop) => (
        <Text
          key={loop.loop}
          x={loop.x - loop.width / 2}
          y={loop.y - LOOP_LABEL.rise}
          width={loop.width}
          align="center"
          text={labels[loop.loop]}
          fontFamily={FONT_STACK}
          fontSize={LOOP_LABEL.size}
          lineHeight={LOOP_LABEL.lineHeight}
          fontStyle="bold italic"
          fill={theme.softInk}
          wrap="word"
        />
      ))}
    </Group>
  );
}

/** Loads a data URL into an image element; null until it has loaded (or when it fails). */
function usePicture(source: string | null): HTMLImageElement | null {
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    setImage(null);
    if (!source) return undefined;
    const element = new window.Image();
    let live = true;
    element.onload = () => live && setImage(element);
    element.src = source;
    return () => {
      live = false;
    };
  }, [source]);
  return image;
}

/** The facilitator's own picture of the model, fitted into the world and centred. */
function Picture({ image }: { image: HTMLImageElement }) {
  const { x, y, width, height } = pictureBox(image.naturalWidth, image.naturalHeight);
  return <KonvaImage image={image} x={x} y={y} width={width} height={height} listening={false} />;
}

/** Everything behind the notes; drawn on its own layer that does not listen, so it costs nothing while notes move. */
export const ModelShapes = memo(function ModelShapes({ template, theme, labels }: { template: ModelTemplate; theme: CanvasTheme; labels: FigureLabels }) {
  const picture = usePicture(template.background);
  const figure = useMemo(() => figureGeometry(template.figure, template.zones), [template.figure, template.zones]);
  return (
    <>
      {picture && <Picture image={picture} />}
      {template.zones.map((zone) => (
        <ZoneArea key={zone.id} zone={zone} theme={theme} overPicture={picture !== null} />
      ))}
      {/* Over the zones' tint, under their names: the ∞ reads as the path through the sides. */}
      {!picture && <Figure figure={figure} theme={theme} labels={labels} />}
      {template.zones.map((zone) => (
        <ZoneLabel key={zone.id} zone={zone} theme={theme} step={figure.steps.get(zone.id)} />
      ))}
    </>
  );
});
